package io.easel.server.data;

import io.easel.run.JdbcConnections;
import io.easel.server.security.Access;
import io.easel.server.settings.StudioOnly;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The database connections an administrator configured, as the people who build experiments see them: by name only,
 * never a URL, a user or a password. Connections are server-wide, so anyone signed in may see the names.
 */
@Service
@StudioOnly
public class ConnectionService {

    private final JdbcConnections connections;
    private final Access access;

    ConnectionService(JdbcConnections connections, Access access) {
        this.connections = connections;
        this.access = access;
    }

    /** The names, sorted. */
    public List<String> names() {
        access.caller();
        return connections.names().stream().sorted().toList();
    }
}
