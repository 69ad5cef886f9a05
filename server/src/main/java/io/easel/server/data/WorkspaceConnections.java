package io.easel.server.data;

import io.easel.run.JdbcConnections;
import io.easel.server.security.WorkspaceService;
import io.easel.server.settings.ConnectionSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The database connections a workspace's experiments may use: those an administrator limited to it
 * ({@code easel.connections.<name>.workspaces}, by slug) and those limited to none. Validation refuses another
 * workspace's connection as unknown, the studio offers only these names, and a run's engine gets only these.
 */
@Component
public class WorkspaceConnections {

    private final JdbcConnections all;
    private final Map<String, Set<String>> limits;
    private final WorkspaceService workspaces;

    WorkspaceConnections(JdbcConnections all, ConnectionSettings settings, WorkspaceService workspaces) {
        this.all = all;
        this.limits = settings.workspaceLimits();
        this.workspaces = workspaces;
    }

    /** The names the workspace's experiments may use, sorted. */
    public Set<String> namesFor(UUID workspaceId) {
        Optional<String> slug = limits.isEmpty() ? Optional.empty() : workspaces.slugOf(workspaceId);
        Set<String> names = new TreeSet<>();
        for (String name : all.names()) {
            Set<String> only = limits.get(name);
            if (only == null || slug.filter(only::contains).isPresent()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The connections the workspace's experiments may use. */
    public JdbcConnections of(UUID workspaceId) {
        return all.only(namesFor(workspaceId));
    }
}
