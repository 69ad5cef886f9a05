package io.easel.studio.registry;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinServletRequest;
import io.easel.component.ColumnSpec;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.deployment.ScoringService;
import io.easel.server.security.WorkspaceRef;
import java.util.List;
import java.util.Map;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a deployment's endpoint is, a request that works as pasted (with a real record), a button that sends it, and
 * the columns a record carries. Shown after a deploy and from the Deployments page.
 */
class DeploymentDetails extends Div {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param inputNodeName the name of the node whose output records the model takes, when a step with no PMML form
     *     lies between the data sources and the model; null when it takes the sources' records
     */
    record Shown(DeploymentView deployment, List<ScoringExample.SampleRow> sampleRows, String inputNodeName) {}

    DeploymentDetails(Shown shown, ScoringService scoring, WorkspaceRef workspace) {
        this(shown, scoring, workspace, studioUrl());
    }

    /**
     * @param studioUrl the studio's address as the browser reaches it, read while a request was at hand (results
     *     that come back by push have none): see {@link #studioUrl()}
     */
    DeploymentDetails(Shown shown, ScoringService scoring, WorkspaceRef workspace, String studioUrl) {
        addClassName("deployment-details");
        DeploymentView deployment = shown.deployment();
        Map<String, Object> record = ScoringExample.sampleRecord(deployment.inputs(), shown.sampleRows());
        ScoringExample example = new ScoringExample(UriComponentsBuilder.fromUriString(studioUrl)
                .path(deployment.endpointPath()).build().toUriString(), record);

        Div endpoint = new Div();
        endpoint.addClassName("deploy-block");
        Anchor url = new Anchor(example.url(), example.url());
        url.setId("deploy-endpoint");
        url.addClassName("endpoint-url");
        url.setTarget("_blank");
        Span method = new Span("POST");
        method.addClassName("http-method");
        Div urlLine = new Div(method, url, copyButton(example.url()));
        urlLine.addClassName("endpoint-line");
        endpoint.add(label(getTranslation("deploy.endpoint")), urlLine);

        Div curl = new Div();
        curl.addClassName("deploy-block");
        Pre code = new Pre(example.curl());
        code.setId("deploy-curl");
        code.addClassName("code-block");
        Div codeHeader = new Div(label(getTranslation("deploy.curl")), copyButton(example.curl()));
        codeHeader.addClassName("code-header");
        Span keyHint = new Span(getTranslation("deploy.key-hint", ScoringExample.API_KEY_VARIABLE));
        keyHint.addClassName("muted");
        keyHint.setId("deploy-key-hint");
        curl.add(codeHeader, code, keyHint);

        Div inputs = new Div();
        inputs.addClassName("deploy-block");
        Div chips = new Div();
        chips.addClassName("chips");
        for (ColumnSpec column : deployment.inputs()) {
            Span chip = new Span(column.name() + " : " + column.type().jsonName());
            chip.addClassName("chip");
            chips.add(chip);
        }
        Span unseen = new Span(getTranslation("deploy.unseen-categories"));
        unseen.addClassName("muted");
        unseen.setId("deploy-unseen-categories");
        inputs.add(label(getTranslation("deploy.inputs", deployment.inputs().size())), chips, unseen);
        if (shown.inputNodeName() != null) {
            Div boundary = new Div(VaadinIcon.WARNING.create(),
                    new Span(getTranslation("deploy.input-node", shown.inputNodeName())));
            boundary.setId("deploy-input-node");
            boundary.addClassName("deploy-warning");
            inputs.addComponentAsFirst(boundary);
        }

        Div response = new Div();
        response.addClassName("deploy-block");
        Pre answer = new Pre();
        answer.setId("deploy-response");
        answer.addClassName("code-block");
        answer.setVisible(false);
        Button send = new Button(getTranslation("deploy.try"), VaadinIcon.PAPERPLANE_O.create());
        send.addThemeVariants(ButtonVariant.SMALL);
        send.setId("deploy-try");
        send.addClickListener(e -> {
            answer.setText(tryScoring(scoring, workspace, deployment.name(), record));
            answer.setVisible(true);
        });
        Div responseHeader = new Div(label(getTranslation("deploy.response")), send);
        responseHeader.addClassName("code-header");
        response.add(responseHeader, answer);

        Span name = new Span(getTranslation("deploy.name", deployment.name()));
        name.addClassName("muted");
        add(endpoint, curl, response, inputs, name);
    }

    /** What the endpoint answers for the example record, as the JSON a client would receive (or the problem). */
    private static String tryScoring(ScoringService scoring, WorkspaceRef workspace, String deployment,
            Map<String, Object> record) {
        try {
            return PRETTY.writeValueAsString(scoring.score(workspace, deployment, List.of(record)));
        } catch (ErrorResponseException e) {
            return e.getStatusCode().value() + " " + e.getBody().getDetail();
        }
    }

    /** The studio as a client outside reaches it (endpoints are below it): the address of the current request. */
    static String studioUrl() {
        return ServletUriComponentsBuilder.fromContextPath(VaadinServletRequest.getCurrent().getHttpServletRequest())
                .build().toUriString();
    }

    private Span label(String text) {
        Span label = new Span(text);
        label.addClassName("block-label");
        return label;
    }

    private Component copyButton(String text) {
        Button copy = new Button(getTranslation("action.copy"), VaadinIcon.COPY_O.create());
        copy.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        copy.addClassName("copy-button");
        copy.addClickListener(e -> {
            // The Clipboard API needs a secure context; plain http (not localhost) falls back to execCommand.
            copy.getElement().executeJs("const t=$0; if (navigator.clipboard && window.isSecureContext) {"
                    + "navigator.clipboard.writeText(t);} else {const a=document.createElement('textarea');"
                    + " a.value=t; document.body.append(a); a.select(); document.execCommand('copy'); a.remove();}",
                    text);
            copy.setText(getTranslation("action.copied"));
        });
        return copy;
    }
}
