package io.easel.server.deployment;

import io.easel.server.deployment.drift.DriftReport;
import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reading deployments, their gates and their input drift: on every replica, the serving ones included. */
@RestController
@Tag(name = "Deployments", description = "Model versions served as REST scoring endpoints (/api/score/{name})")
class DeploymentController {

    private final DeploymentService deployments;
    private final DeploymentGate gates;
    private final ScoringService scoring;

    DeploymentController(DeploymentService deployments, DeploymentGate gates, ScoringService scoring) {
        this.deployments = deployments;
        this.gates = gates;
        this.scoring = scoring;
    }

    @GetMapping("/api/deployments")
    @Operation(summary = "The workspace's deployments, by name")
    List<DeploymentView> list(WorkspaceRef workspace) {
        return deployments.list(workspace);
    }

    @GetMapping("/api/deployments/{name}")
    @Operation(summary = "One deployment: its model version, endpoint path and input fields")
    @ApiResponse(responseCode = "200", description = "The deployment")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    DeploymentView get(WorkspaceRef workspace, @PathVariable String name) {
        return deployments.get(workspace, name);
    }

    @GetMapping("/api/deployments/{name}/gate")
    @Operation(summary = "The rules every version the deployment is pointed at must pass")
    @ApiResponse(responseCode = "200", description = "The gate; no rules when it has none")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    Gate gate(WorkspaceRef workspace, @PathVariable String name) {
        return gates.get(workspace, name);
    }

    @GetMapping("/api/deployments/{name}/drift")
    @Operation(summary = "Input drift: PSI per feature between each served version's training data and the records it "
            + "scored lately on this server, features at or above the threshold flagged")
    @ApiResponse(responseCode = "200", description = "The drift of the served version (and of the canary, if one runs)")
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    DriftReport drift(WorkspaceRef workspace, @PathVariable String name) {
        return scoring.drift(workspace, name);
    }
}
