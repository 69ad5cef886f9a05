package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.component.ColumnSpec;
import java.util.List;

/** Shown after a model is deployed: where its endpoint is and a request that works as pasted. */
class DeployDialog extends Dialog {

    /**
     * What to show about the deployment.
     *
     * @param inputNode the name of the node whose output records the model takes, when a step with no PMML form lies
     *     between the data sources and the model; null when it takes the sources' records
     */
    record Deployed(String name, String modelName, int modelVersion, List<ColumnSpec> inputs, ScoringExample example,
            String inputNode) {}

    /**
     * @param tryIt sends the example record to the endpoint and answers with the response body (or the problem)
     */
    DeployDialog(Deployed deployed, java.util.function.Supplier<String> tryIt) {
        setHeaderTitle(getTranslation("deploy.title"));
        addClassName("deploy-dialog");
        setWidth("min(760px, 94vw)");

        Div success = new Div(VaadinIcon.CHECK_CIRCLE.create(),
                new Span(getTranslation("deploy.done", deployed.modelName(), deployed.modelVersion())));
        success.addClassName("deploy-success");

        Div endpoint = new Div();
        endpoint.addClassName("deploy-block");
        Span endpointLabel = label(getTranslation("deploy.endpoint"));
        Anchor url = new Anchor(deployed.example().url(), deployed.example().url());
        url.setId("deploy-endpoint");
        url.addClassName("endpoint-url");
        url.setTarget("_blank");
        Span method = new Span("POST");
        method.addClassName("http-method");
        Div urlLine = new Div(method, url, copyButton(deployed.example().url()));
        urlLine.addClassName("endpoint-line");
        endpoint.add(endpointLabel, urlLine);

        Div curl = new Div();
        curl.addClassName("deploy-block");
        Pre code = new Pre(deployed.example().curl());
        code.setId("deploy-curl");
        code.addClassName("code-block");
        Div codeHeader = new Div(label(getTranslation("deploy.curl")), copyButton(deployed.example().curl()));
        codeHeader.addClassName("code-header");
        Span keyHint = new Span(getTranslation("deploy.key-hint", ScoringExample.API_KEY_VARIABLE));
        keyHint.addClassName("muted");
        keyHint.setId("deploy-key-hint");
        curl.add(codeHeader, code, keyHint);

        Div inputs = new Div();
        inputs.addClassName("deploy-block");
        Div chips = new Div();
        chips.addClassName("chips");
        for (ColumnSpec column : deployed.inputs()) {
            Span chip = new Span(column.name() + " : " + column.type().jsonName());
            chip.addClassName("chip");
            chips.add(chip);
        }
        Span unseen = new Span(getTranslation("deploy.unseen-categories"));
        unseen.addClassName("muted");
        unseen.setId("deploy-unseen-categories");
        inputs.add(label(getTranslation("deploy.inputs", deployed.inputs().size())), chips, unseen);
        if (deployed.inputNode() != null) {
            Div boundary = new Div(VaadinIcon.WARNING.create(),
                    new Span(getTranslation("deploy.input-node", deployed.inputNode())));
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
            answer.setText(tryIt.get());
            answer.setVisible(true);
        });
        Div responseHeader = new Div(label(getTranslation("deploy.response")), send);
        responseHeader.addClassName("code-header");
        response.add(responseHeader, answer);

        Span name = new Span(getTranslation("deploy.name", deployed.name()));
        name.addClassName("muted");
        add(success, endpoint, curl, response, inputs, name);

        Button close = new Button(getTranslation("action.close"), e -> close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        close.setId("deploy-close");
        getFooter().add(close);
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
