package io.easel.studio.experiments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.easel.server.experiment.ExperimentFile;
import io.easel.server.experiment.ExperimentService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A link that downloads an experiment as its file (docs/experiment-format.md), as saved when it is clicked. */
public final class ExperimentFileDownload {

    private ExperimentFileDownload() {}

    /** An icon button with {@code label} as its tooltip. */
    public static Anchor button(ExperimentService experiments, UUID id, String label) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            ExperimentFile file = experiments.export(id);
            byte[] json = file.toJson().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), file.fileName(), "application/json",
                    json.length);
        }), AttachmentType.DOWNLOAD, "");
        Button icon = new Button(VaadinIcon.DOWNLOAD_ALT.create());
        icon.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        icon.setTooltipText(label);
        icon.setAriaLabel(label);
        link.add(icon);
        link.getElement().setAttribute("data-action", "export");
        return link;
    }
}
