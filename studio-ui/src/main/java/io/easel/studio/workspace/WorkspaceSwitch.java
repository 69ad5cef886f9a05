package io.easel.studio.workspace;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.experiments.ExperimentListView;
import java.util.List;
import java.util.Objects;

/** The header's workspace picker, with the user's role in the chosen workspace beside it. */
public class WorkspaceSwitch extends Div {

    private final CurrentWorkspace current;
    private final Select<WorkspaceView> picker = new Select<>();
    private final Span role = new Span();

    public WorkspaceSwitch(CurrentWorkspace current) {
        this.current = current;
        addClassName("workspace-switch");
        picker.setId("workspace-picker");
        picker.addClassName("workspace-picker");
        picker.setItemLabelGenerator(WorkspaceView::name);
        picker.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                current.choose(event.getValue());
                UI.getCurrent().navigate(ExperimentListView.class);
                UI.getCurrent().getPage().reload();
            }
        });
        role.addClassName("workspace-role");
        role.setId("workspace-role");
        add(picker, role);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        List<WorkspaceView> choices = current.choices();
        picker.setItems(choices);
        picker.setAriaLabel(getTranslation("workspace.label"));
        current.get().ifPresentOrElse(chosen -> {
            picker.setValue(choices.stream().filter(w -> Objects.equals(w.id(), chosen.id())).findFirst()
                    .orElse(null));
            role.setText(getTranslation("workspace.role." + chosen.role().code()));
            role.getElement().setAttribute("data-role", chosen.role().code());
        }, () -> role.setText(getTranslation("workspace.none")));
        picker.setVisible(!choices.isEmpty());
    }
}
