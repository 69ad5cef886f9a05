package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationResult;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/experiments")
@Tag(name = "Experiments", description = "Saved experiment graphs: create, edit (with optimistic locking), clone, "
        + "delete and validate")
class ExperimentController {

    private final ExperimentService experiments;

    ExperimentController(ExperimentService experiments) {
        this.experiments = experiments;
    }

    /**
     * The fields of an experiment as GET answers it that are not the client's to set are ignored, so an
     * experiment read from one server can be created as it is on another.
     *
     * @param graph null for an empty canvas
     * @param runSettings null to use the server's engine settings as they are
     */
    @JsonIgnoreProperties({"id", "workspaceId", "version", "createdAt", "updatedAt", "validation"})
    record NewExperiment(@NotBlank @Size(max = ExperimentService.MAX_NAME_LENGTH) String name, String description,
            ExperimentGraph graph, RunSettings runSettings) {}

    /**
     * An experiment as GET answers it may be sent back changed: the fields that are not the client's to set are
     * ignored.
     *
     * @param version the version the changes were made to (from the last GET or save)
     * @param runSettings null to keep them as they are
     */
    @JsonIgnoreProperties({"id", "workspaceId", "createdAt", "updatedAt", "validation"})
    record ExperimentChanges(@NotNull Long version, @NotBlank @Size(max = ExperimentService.MAX_NAME_LENGTH) String name,
            String description, @NotNull ExperimentGraph graph, RunSettings runSettings) {}

    /** @param name null for "{name} (copy)" */
    record CloneRequest(@Size(max = ExperimentService.MAX_NAME_LENGTH) String name) {}

    @GetMapping
    @Operation(summary = "The workspace's experiments, most recently changed first")
    List<ExperimentSummary> list(WorkspaceRef workspace) {
        return experiments.list(workspace);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an experiment in the workspace", description = "The graph may be incomplete; the "
            + "answer carries its validation errors.")
    ResponseEntity<ExperimentView> create(WorkspaceRef workspace, @Valid @RequestBody NewExperiment request) {
        ExperimentView created = experiments.create(workspace, request.name(),
                request.description(), request.graph(), request.runSettings());
        return ResponseEntity.created(URI.create("/api/experiments/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One experiment with its graph and current validation")
    ExperimentView get(@PathVariable UUID id) {
        return experiments.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Save changes", description = "Always stores the graph, valid or not, and answers with "
            + "the new version and validation. 409 when the experiment was saved by someone else since `version`; "
            + "400 naming the field for invalid run settings (sizes like 512m or 4g, counts of at least 1, conf "
            + "keys starting with spark.).")
    ExperimentView save(@PathVariable UUID id, @Valid @RequestBody ExperimentChanges changes) {
        return experiments.save(id, changes.version(), changes.name(), changes.description(), changes.graph(),
                changes.runSettings());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an experiment and its runs")
    void delete(@PathVariable UUID id) {
        experiments.delete(id);
    }

    @PostMapping("/{id}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy an experiment", description = "A deep, independent copy with a new id, named "
            + "\"{name} (copy)\" unless a name is given.")
    ResponseEntity<ExperimentView> copy(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CloneRequest request) {
        ExperimentView copy = experiments.copy(id, request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/experiments/" + copy.id())).body(copy);
    }

    @PostMapping("/validate")
    @Operation(summary = "Validate a graph without saving it", description = "Answers the errors (by node, param "
            + "and port) and every port spec inference could work out, which is what column pickers offer. Paths to "
            + "uploads ({uploads}/…) are those of the workspace the request works in.")
    ValidationResult validate(WorkspaceRef workspace, @RequestBody ExperimentGraph graph) {
        return experiments.validate(workspace, graph);
    }
}
