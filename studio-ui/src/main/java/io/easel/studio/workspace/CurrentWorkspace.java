package io.easel.studio.workspace;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import io.easel.server.security.ForbiddenException;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceService;
import io.easel.server.security.WorkspaceView;
import io.easel.server.settings.StudioOnly;
import java.util.List;
import java.util.Optional;

/**
 * The workspace the studio works in for this browser session, chosen in the header: the experiment list shows its
 * experiments and new ones go into it. Looked up again each time, so a membership taken away meanwhile is noticed (the
 * studio then falls back to the user's default workspace).
 */
@SpringComponent
@VaadinSessionScope
@StudioOnly
public class CurrentWorkspace {

    private final WorkspaceService workspaces;
    private String chosen;

    CurrentWorkspace(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    /** The chosen workspace with the user's role there; empty for a user who is in no workspace at all. */
    public Optional<WorkspaceView> get() {
        try {
            return Optional.of(workspaces.get(chosen));
        } catch (NotFoundException gone) {
            chosen = null;
            return get();
        } catch (ForbiddenException inNone) {
            return Optional.empty();
        }
    }

    /** Whether the user may change things in the chosen workspace. */
    public boolean canEdit() {
        return get().map(w -> w.role().canEdit()).orElse(false);
    }

    public List<WorkspaceView> choices() {
        return workspaces.visible();
    }

    public void choose(WorkspaceView workspace) {
        chosen = workspace.slug();
    }
}
