package io.easel.server.data;

import io.easel.server.security.Access;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The database connections an administrator configured, as the people who build experiments see them: by name only,
 * never a URL, a user or a password, and only those the workspace may use ({@link WorkspaceConnections}).
 */
@Service
@StudioOnly
public class ConnectionService {

    private final WorkspaceConnections connections;
    private final Access access;

    ConnectionService(WorkspaceConnections connections, Access access) {
        this.connections = connections;
        this.access = access;
    }

    /** The names the workspace's experiments may use, sorted, for its members. */
    public List<String> names(WorkspaceRef workspace) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return List.copyOf(connections.namesFor(workspace.id()));
    }
}
