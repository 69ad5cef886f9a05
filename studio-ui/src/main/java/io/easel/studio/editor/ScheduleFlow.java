package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.schedule.ScheduleNotFoundException;
import io.easel.server.schedule.ScheduleRequest;
import io.easel.server.schedule.ScheduleService;
import io.easel.server.schedule.ScheduleView;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.layout.Toasts;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The toolbar's Schedule button and the dialog it opens: when the experiment runs on its own, and what follows. */
class ScheduleFlow {

    private final ScheduleService schedules;
    private final DeploymentService deployments;
    private final Component owner;

    /** @param owner the editor view, whose language the button speaks */
    ScheduleFlow(ScheduleService schedules, DeploymentService deployments, Component owner) {
        this.schedules = schedules;
        this.deployments = deployments;
        this.owner = owner;
    }

    /** @param experiment the experiment, and its workspace with the user's role there, when clicked */
    Button button(Supplier<UUID> experiment, Supplier<WorkspaceView> workspace) {
        Button button = new Button(owner.getTranslation("editor.schedule"), VaadinIcon.CLOCK.create(),
                e -> open(experiment.get(), workspace.get()));
        button.setId("schedule-button");
        return button;
    }

    private void open(UUID id, WorkspaceView workspace) {
        Optional<ScheduleView> current;
        try {
            current = Optional.of(schedules.get(id));
        } catch (ScheduleNotFoundException none) {
            current = Optional.empty();
        }
        List<String> deploymentNames = deployments.list(workspace.ref()).stream().map(DeploymentView::name)
                .toList();
        new ScheduleDialog(current, deploymentNames, workspace.role().canEdit(), new ScheduleDialog.Actions() {
            @Override
            public ScheduleView save(ScheduleRequest request) {
                return schedules.put(id, request);
            }

            @Override
            public void remove() {
                schedules.delete(id);
                Toasts.success(owner.getTranslation("schedule.removed"));
            }
        }).open();
    }
}
