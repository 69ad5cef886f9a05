package io.easel.studio.experiments;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.ImportProblem;
import io.easel.server.experiment.InvalidExperimentFileException;
import io.easel.server.security.WorkspaceView;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Imports an experiment file (docs/experiment-format.md) into the workspace and opens it; a file with problems
 * creates nothing and shows each problem at its JSON path, in the UI's language.
 */
class ImportButton extends Div {

    private static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    ImportButton(ExperimentService experiments, Optional<WorkspaceView> workspace, Consumer<UUID> open) {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String fileName = metadata.fileName();
            try {
                ExperimentView created = experiments.importFile(workspace.orElseThrow().ref(),
                        new String(bytes, StandardCharsets.UTF_8), nameOf(fileName));
                open.accept(created.id());
            } catch (InvalidExperimentFileException e) {
                showProblems(fileName, e);
            }
        }));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.setId("import-experiment");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setDropAllowed(false);
        Button button = new Button(getTranslation("list.import"), VaadinIcon.UPLOAD.create());
        upload.setUploadButton(button);
        add(upload);
        addClassName("import-button");
    }

    /** The file's name without {@code .easel.json} or {@code .json}, for a file that names no experiment. */
    private static String nameOf(String fileName) {
        return fileName == null ? null : fileName.replaceFirst("(?i)(\\.easel)?\\.json$", "");
    }

    private void showProblems(String fileName, InvalidExperimentFileException e) {
        Dialog dialog = new Dialog();
        dialog.setId("import-problems");
        dialog.setHeaderTitle(getTranslation("import.failed", fileName));
        UnorderedList list = new UnorderedList();
        for (ImportProblem problem : e.problems()) {
            ListItem item = new ListItem(getTranslation("import.problem."
                    + problem.code().name().toLowerCase(Locale.ROOT).replace('_', '-'), problem.path(),
                    problem.value() == null ? "" : problem.value()));
            item.addClassName("import-problem");
            list.add(item);
        }
        dialog.add(new Paragraph(getTranslation("import.nothing-created")), list);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }
}
