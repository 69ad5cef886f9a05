package io.easel.studio.editor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.server.streams.UploadEvent;
import io.easel.server.data.UploadView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.web.ErrorResponseException;

/**
 * A file source's path field with the workspace's uploads beside it: an Upload button that stores a file from the
 * user's computer in the workspace and fills the path with {@code {uploads}/<name>}, and a picker of the uploads
 * already there. The file streams from the browser to the workspace's uploads directory, never held in memory.
 */
class UploadPicker extends Div {

    private final TextField path;
    private final DataChoices choices;
    private final Consumer<String> onChosen;
    private final ComboBox<UploadView> existing = new ComboBox<>();
    private final Checkbox overwrite = new Checkbox();
    private final Span status = new Span();

    /** @param onChosen told the new path when the user uploads or picks a file */
    UploadPicker(TextField path, DataChoices choices, Consumer<String> onChosen) {
        this.path = path;
        this.choices = choices;
        this.onChosen = onChosen;
        addClassName("upload-picker");
        existing.setPlaceholder(getTranslation("params.uploads.pick"));
        existing.setItemLabelGenerator(UploadView::name);
        existing.setClearButtonVisible(true);
        existing.addClassName("uploads-list");
        existing.setWidthFull();
        existing.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                choose(e.getValue());
            }
        });
        existing.addFocusListener(e -> refreshUploads());
        refreshUploads();
        Div row = new Div(existing);
        row.addClassName("upload-row");
        status.addClassName("upload-status");
        add(path, row);
        if (choices.canUpload()) {
            row.addComponentAsFirst(uploadButton());
            overwrite.setLabel(getTranslation("params.uploads.overwrite"));
            overwrite.addClassName("upload-overwrite");
            add(overwrite);
        }
        add(status);
    }

    private Upload uploadButton() {
        Upload upload = new Upload(this::receive);
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, choices.maxUploadBytes()));
        upload.setDropAllowed(false);
        Button button = new Button(getTranslation("params.uploads.button"));
        button.addClassName("upload-button");
        upload.setUploadButton(button);
        upload.addClassName("path-upload");
        upload.addFileRejectedListener(e -> showStatus(getTranslation("params.uploads.too-large",
                choices.maxUploadBytes() / (1024 * 1024)), true));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        return upload;
    }

    /** Runs on the upload's own request, outside the UI's lock: the UI is changed through {@link UI#access}. */
    private void receive(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        boolean replace = overwrite.getValue();
        try (InputStream content = event.getInputStream()) {
            UploadView stored = choices.upload(event.getFileName(), content, replace);
            ui.access(() -> {
                refreshUploads();
                choose(stored);
                showStatus(getTranslation("params.uploads.done", stored.name(), stored.size()), false);
            });
        } catch (ErrorResponseException refused) {
            String reason = refused.getBody().getDetail();
            ui.access(() -> showStatus(reason, true));
        } catch (UncheckedIOException failed) {
            ui.access(() -> showStatus(getTranslation("params.uploads.failed"), true));
        }
    }

    private void choose(UploadView upload) {
        path.setValue(upload.path());
        existing.setValue(upload);
        onChosen.accept(upload.path());
    }

    private void refreshUploads() {
        UploadView chosen = existing.getValue();
        List<UploadView> uploads = choices.listUploads();
        existing.setItems(uploads);
        uploads.stream().filter(u -> u.path().equals(path.getValue()) || chosen != null
                && u.name().equals(chosen.name())).findFirst().ifPresent(existing::setValue);
        existing.setHelperText(uploads.isEmpty() ? getTranslation("params.uploads.none") : null);
    }

    private void showStatus(String text, boolean problem) {
        status.setText(text);
        status.getElement().setAttribute("data-problem", Boolean.toString(problem));
    }
}
