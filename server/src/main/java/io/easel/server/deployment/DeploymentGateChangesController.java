package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Changing a deployment's evaluation gate: in the studio only, like every change to deployments. */
@RestController
@StudioOnly
@Tag(name = "Deployments")
class DeploymentGateChangesController {

    private final DeploymentGate gates;

    DeploymentGateChangesController(DeploymentGate gates) {
        this.gates = gates;
    }

    @PutMapping("/api/deployments/{name}/gate")
    @Operation(summary = "Replace the deployment's gate",
            description = "Rules: {\"metric\": \"auc\", \"atLeast\": 0.75}, {\"metric\": \"rmse\", \"atMost\": 3} or "
                    + "{\"metric\": \"auc\", \"notWorseThanServed\": 0.01} (the margin). The served version is not "
                    + "checked again; the next deploy or re-point is.")
    @ApiResponse(responseCode = "200", description = "The gate as stored")
    @ApiResponse(responseCode = "400", description = "A rule with an unknown metric, or not exactly one bound",
            content = @Content)
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    Gate replace(WorkspaceRef workspace, @PathVariable String name, @RequestBody(required = false) Gate gate) {
        return gates.replace(workspace, name, gate);
    }
}
