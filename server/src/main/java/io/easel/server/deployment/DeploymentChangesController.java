package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deploying, undeploying, canaries, gates and prediction log settings: in the studio only. Serving replicas ({@code easel.mode=serving}) read
 * the deployments the studio wrote to the shared database and never change them, so one place decides what is served.
 */
@RestController
@StudioOnly
@Tag(name = "Deployments")
class DeploymentChangesController {

    private final DeploymentService deployments;
    private final DeploymentGate gates;
    private final PredictionLog log;

    DeploymentChangesController(DeploymentService deployments, DeploymentGate gates, PredictionLog log) {
        this.deployments = deployments;
        this.gates = gates;
        this.log = log;
    }

    @PostMapping("/api/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Deploy a model version",
            description = "Serves the version (latest when absent) at /api/score/{name}, in the model's workspace. A "
                    + "name that already serves this model is re-pointed to the version, so clients keep their URL.")
    @ApiResponse(responseCode = "201", description = "The deployment")
    @ApiResponse(responseCode = "400", description = "No modelId, or a name that is not a slug", content = @Content)
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content)
    @ApiResponse(responseCode = "409", description = "The name serves another model, or the version fails the "
            + "deployment's gate (see DeploymentGate)", content = @Content)
    ResponseEntity<DeploymentView> deploy(@RequestBody(required = false) DeployRequest request) {
        if (request == null || request.modelId() == null) {
            ErrorResponseException missing = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            missing.getBody().setTitle("Invalid deployment request");
            missing.getBody().setDetail("field 'modelId' is missing: send {\"modelId\": \"<uuid>\", \"version\": "
                    + "<optional int>, \"name\": \"<optional slug>\"}");
            throw missing;
        }
        return created(deployments.deploy(request.modelId(), request.version(), request.name(),
                request.unseenCategories(), new GateChoice(request.gate(), request.override())));
    }

    @PostMapping("/api/models/{id}/versions/{version}/deploy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "One-click deploy of a model version",
            description = "Like POST /api/deployments; the optional body {\"name\": …, \"unseenCategories\": …, "
                    + "\"gate\": …, \"override\": …} picks the endpoint name, what scoring does with categories the "
                    + "model never saw, the gate's rules and an administrator's override of the gate.")
    @ApiResponse(responseCode = "201", description = "The deployment")
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content)
    @ApiResponse(responseCode = "409", description = "The name serves another model", content = @Content)
    ResponseEntity<DeploymentView> deployVersion(@PathVariable UUID id, @PathVariable int version,
            @RequestBody(required = false) NameRequest request) {
        NameRequest options = request == null ? new NameRequest(null, null, null, null) : request;
        return created(deployments.deploy(id, version, options.name(), options.unseenCategories(),
                new GateChoice(options.gate(), options.override())));
    }

    @PostMapping("/api/deployments/{name}/rollback")
    @Operation(summary = "Roll a deployment back to the version it served before its last swap",
            description = "Swaps without downtime, as a deploy does; the version rolled away from becomes the previous "
                    + "one, so a second roll-back undoes the first.")
    @ApiResponse(responseCode = "200", description = "The deployment, serving its previous version")
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name in the workspace", content = @Content)
    @ApiResponse(responseCode = "409", description = "The deployment has served only one version", content = @Content)
    DeploymentView rollBack(WorkspaceRef workspace, @PathVariable String name) {
        return deployments.rollBack(workspace, name);
    }

    @PostMapping("/api/deployments/{name}/canary")
    @Operation(summary = "Start a canary release: send a share of the requests to another version",
            description = "Body {\"version\": <a version of the deployment's model>, \"percent\": <1 to 99>}. Each "
                    + "scoring request goes to the canary with that probability; its answer names the version that "
                    + "answered (modelVersion, header Easel-Model-Version). Promote or abort it to end it.")
    @ApiResponse(responseCode = "200", description = "The deployment, with its canary")
    @ApiResponse(responseCode = "400", description = "A missing or out-of-range version or percent; the detail and "
            + "`field` name it", content = @Content)
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name in the workspace", content = @Content)
    @ApiResponse(responseCode = "409", description = "A canary already runs, or the version is the served one",
            content = @Content)
    DeploymentView startCanary(WorkspaceRef workspace, @PathVariable String name,
            @RequestBody(required = false) CanaryRequest request) {
        return deployments.startCanary(workspace, name, request == null ? null : request.version(),
                request == null ? null : request.percent());
    }

    @PostMapping("/api/deployments/{name}/canary/promote")
    @Operation(summary = "Promote the canary: it serves every request",
            description = "Swaps without downtime, as a deploy does; the version served until now becomes the previous "
                    + "one, so a roll-back returns to it.")
    @ApiResponse(responseCode = "200", description = "The deployment, serving the promoted version")
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name in the workspace", content = @Content)
    @ApiResponse(responseCode = "409", description = "No canary runs", content = @Content)
    DeploymentView promoteCanary(WorkspaceRef workspace, @PathVariable String name) {
        return deployments.promoteCanary(workspace, name);
    }

    @PostMapping("/api/deployments/{name}/canary/abort")
    @Operation(summary = "Abort the canary: the served version answers every request again")
    @ApiResponse(responseCode = "200", description = "The deployment, without canary")
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name in the workspace", content = @Content)
    @ApiResponse(responseCode = "409", description = "No canary runs", content = @Content)
    DeploymentView abortCanary(WorkspaceRef workspace, @PathVariable String name) {
        return deployments.abortCanary(workspace, name);
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
    Gate replaceGate(WorkspaceRef workspace, @PathVariable String name, @RequestBody(required = false) Gate gate) {
        return gates.replace(workspace, name, gate);
    }

    @PutMapping("/api/deployments/{name}/prediction-log")
    @Operation(summary = "Switch the deployment's prediction log on or off, and set its sample rate",
            description = "Body {\"enabled\": true, \"sampleRate\": 0.25}; a field left out keeps its value. Every "
                    + "replica follows within seconds. Logged predictions are kept for "
                    + "easel.serving.prediction-log.retention (30 days by default).")
    @ApiResponse(responseCode = "200", description = "The settings as stored")
    @ApiResponse(responseCode = "400", description = "Nothing to change, or a sample rate that is not a number more "
            + "than 0 and at most 1; the detail names the field", content = @Content)
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name", content = @Content)
    PredictionLogSettings replace(WorkspaceRef workspace, @PathVariable String name,
            @RequestBody(required = false) PredictionLogSettings settings) {
        return log.replaceSettings(workspace, name, settings);
    }

    @DeleteMapping("/api/deployments/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop serving a deployment; its endpoint then answers 404")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "A viewer", content = @Content)
    @ApiResponse(responseCode = "404", description = "No deployment of that name in the workspace", content = @Content)
    void delete(WorkspaceRef workspace, @PathVariable String name) {
        deployments.delete(workspace, name);
    }

    private static ResponseEntity<DeploymentView> created(DeploymentView deployment) {
        return ResponseEntity.created(URI.create("/api/deployments/" + deployment.name())).body(deployment);
    }

    /**
     * @param name the endpoint name; absent to derive one
     * @param unseenCategories {@code reject} or {@code unknown}; absent to keep what the deployment does
     * @param gate rules replacing the deployment's evaluation gate; absent to keep them
     * @param override an administrator's override of the gate's refusal; absent to be refused
     */
    record NameRequest(String name, UnseenCategories unseenCategories, Gate gate, GateOverride override) {}

    /**
     * @param version the model version the canary tries
     * @param percent its share of the scoring requests, 1 to 99
     */
    record CanaryRequest(Integer version, Integer percent) {}
}
