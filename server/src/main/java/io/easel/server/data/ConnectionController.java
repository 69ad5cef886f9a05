package io.easel.server.data;

import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@Tag(name = "Connections", description = "The database connections an administrator configured "
        + "(easel.connections.<name>), which read-jdbc and write-jdbc nodes name")
class ConnectionController {

    private final ConnectionService connections;

    ConnectionController(ConnectionService connections) {
        this.connections = connections;
    }

    @GetMapping("/api/connections")
    @Operation(summary = "The names of the database connections the workspace may use", description = "Names "
            + "only: never a URL, a user or a password.")
    List<String> names(WorkspaceRef workspace) {
        return connections.names(workspace);
    }
}
