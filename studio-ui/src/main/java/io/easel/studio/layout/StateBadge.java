package io.easel.studio.layout;

import com.vaadin.flow.component.html.Span;
import io.easel.run.NodeState;
import io.easel.run.RunState;
import java.util.Locale;

/**
 * A coloured pill naming a run or node state ("Running", "运行中" …). {@code data-state} carries the machine name so
 * styles and browser tests need not read the localized text.
 */
public class StateBadge extends Span {

    public StateBadge() {
        addClassName("state-badge");
        showNever();
    }

    public void show(RunState state) {
        if (state == null) {
            showNever();
        } else {
            set(state.jsonName(), getTranslation("state.run." + state.jsonName()), !state.isFinal());
        }
    }

    public void show(NodeState state) {
        if (state == null) {
            showNever();
        } else {
            set(state.jsonName(), getTranslation("state.node." + state.jsonName()),
                    state == NodeState.RUNNING || state == NodeState.QUEUED);
        }
    }

    private void showNever() {
        set("none", getTranslation("state.none"), false);
    }

    private void set(String state, String text, boolean active) {
        getElement().setAttribute("data-state", state.toLowerCase(Locale.ROOT));
        getElement().getClassList().set("active", active);
        setText(text);
    }
}
