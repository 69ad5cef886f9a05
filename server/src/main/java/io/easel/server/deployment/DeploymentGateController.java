package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reading a deployment's evaluation gate: on every replica. */
@RestController
@Tag(name = "Deployments")
class DeploymentGateController {

    private final DeploymentGate gates;

    DeploymentGateController(DeploymentGate gates) {
        this.gates = gates;
    }

    @GetMapping("/api/deployments/{name}/gate")
    @Operation(summary = "The rules every version the deployment is pointed at must pass")
    @ApiResponse(responseCode = "200", description = "The gate; no rules when it has none")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    Gate get(WorkspaceRef workspace, @PathVariable String name) {
        return gates.get(workspace, name);
    }
}
