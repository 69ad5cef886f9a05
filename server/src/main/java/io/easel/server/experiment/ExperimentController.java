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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/experiments")
@Tag(name = "Experiments", description = "Saved experiment graphs: create, edit (with optimistic locking), clone, "
        + "revisions and their differences, trash, import and export, and validation")
class ExperimentController {

    private final ExperimentService experiments;

    private final ExperimentTemplates templates;

    ExperimentController(ExperimentService experiments, ExperimentTemplates templates) {
        this.experiments = experiments;
        this.templates = templates;
    }

    /**
     * The fields of an experiment as GET answers it that are not the client's to set are ignored, so an
     * experiment read from one server can be created as it is on another.
     *
     * @param graph null for an empty canvas
     * @param runSettings null to use the server's engine settings as they are
     * @param template the id of a template (GET /api/templates) whose graph, description and tags the experiment
     *     gets instead; null for none
     */
    @JsonIgnoreProperties({"id", "workspaceId", "owner", "version", "revision", "createdAt", "updatedAt",
            "validation"})
    record NewExperiment(@NotBlank @Size(max = ExperimentService.MAX_NAME_LENGTH) String name, String description,
            List<String> tags, ExperimentGraph graph, RunSettings runSettings, String template) {}

    /**
     * An experiment as GET answers it may be sent back changed: the fields that are not the client's to set are
     * ignored.
     *
     * @param version the version the changes were made to (from the last GET or save)
     * @param tags null to keep them as they are
     * @param runSettings null to keep them as they are
     * @param autosave true when the editor saves on its own: the same author's saves then write into one revision
     *     until one that is not an autosave
     * @param message what the author says about this revision; null for nothing
     */
    @JsonIgnoreProperties({"id", "workspaceId", "owner", "revision", "createdAt", "updatedAt", "validation"})
    record ExperimentChanges(@NotNull Long version, @NotBlank @Size(max = ExperimentService.MAX_NAME_LENGTH) String name,
            String description, List<String> tags, @NotNull ExperimentGraph graph, RunSettings runSettings,
            Boolean autosave, @Size(max = 500) String message) {

        SaveKind kind() {
            return Boolean.TRUE.equals(autosave) ? SaveKind.AUTOSAVE : SaveKind.save(message);
        }
    }

    /** @param version the version the caller's copy was read at; null to restore over whatever is saved */
    record RestoreRequest(Long version) {}

    /** @param name null for "{name} (copy)" */
    record CloneRequest(@Size(max = ExperimentService.MAX_NAME_LENGTH) String name) {}

    @GetMapping
    @Operation(summary = "The workspace's experiments", description = "One query whatever the length. `search` "
            + "finds words in the name, description or tags (case-insensitive); `sort` is modified (most recent "
            + "first, the default), name or owner.")
    List<ExperimentSummary> list(WorkspaceRef workspace, @RequestParam(required = false) String search,
            @RequestParam(required = false) String sort) {
        return experiments.list(workspace, new ExperimentQuery(search, ExperimentQuery.Sort.parse(sort), false));
    }

    @GetMapping("/trash")
    @Operation(summary = "The workspace's trash", description = "Deleted experiments, restorable until purged "
            + "(after easel.experiments.trash-retention-days, or by hand). Same search and sort as the list.")
    List<ExperimentSummary> trash(WorkspaceRef workspace, @RequestParam(required = false) String search,
            @RequestParam(required = false) String sort) {
        return experiments.list(workspace, new ExperimentQuery(search, ExperimentQuery.Sort.parse(sort), true));
    }

    @PostMapping("/trash/{id}/restore")
    @Operation(summary = "Take an experiment out of the trash")
    ExperimentView restoreFromTrash(@PathVariable UUID id) {
        return experiments.restoreFromTrash(id);
    }

    @DeleteMapping("/trash/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Purge an experiment in the trash", description = "Deletes it for good, with its "
            + "revisions and runs (active ones are cancelled). Its models and deployments stay.")
    void purge(@PathVariable UUID id) {
        experiments.purge(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an experiment in the workspace", description = "The graph may be incomplete; the "
            + "answer carries its validation errors. With `template` (an id from GET /api/templates) and a name, the "
            + "experiment is a copy of that sample.")
    ResponseEntity<ExperimentView> create(WorkspaceRef workspace, @Valid @RequestBody NewExperiment request) {
        if (request.template() != null && (request.graph() != null || request.description() != null
                || request.tags() != null || request.runSettings() != null)) {
            throw new InvalidExperimentException("template", "comes with its own graph, description and tags: send "
                    + "only the name with it, and change the experiment after");
        }
        ExperimentView created = request.template() != null
                ? templates.instantiate(workspace, request.template(), request.name())
                : experiments.create(workspace, new ExperimentEdit(request.name(), request.description(),
                        request.tags(), request.graph(), request.runSettings(), SaveKind.SAVE));
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
        return experiments.save(id, changes.version(), new ExperimentEdit(changes.name(), changes.description(),
                changes.tags(), changes.graph(), changes.runSettings(), changes.kind()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move an experiment to the trash", description = "Its runs, models and deployments stay; "
            + "restore it with POST /api/experiments/trash/{id}/restore.")
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

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The experiment's revisions, newest first", description = "Every save that changes the "
            + "graph adds one; the editor's autosaves by one author write into one revision until a save that is "
            + "not an autosave.")
    List<RevisionSummary> revisions(@PathVariable UUID id) {
        return experiments.revisions(id);
    }

    @GetMapping("/{id}/revisions/{number}")
    @Operation(summary = "One revision with its graph")
    RevisionView revision(@PathVariable UUID id, @PathVariable int number) {
        return experiments.revision(id, number);
    }

    @PostMapping("/{id}/revisions/{number}/restore")
    @Operation(summary = "Restore a revision", description = "Its graph becomes the experiment's, as a new "
            + "revision: nothing saved in between is lost. 409 when `version` is given and the experiment was saved "
            + "since.")
    ExperimentView restoreRevision(@PathVariable UUID id, @PathVariable int number,
            @RequestBody(required = false) RestoreRequest request) {
        return experiments.restoreRevision(id, number, request == null ? null : request.version());
    }

    @GetMapping("/{id}/revisions/{number}/diff")
    @Operation(summary = "What changed from one revision to another", description = "From revision `number` to "
            + "revision `to` (default: the latest): nodes added, removed and changed (each param before and after), "
            + "edges added and removed.")
    GraphDiff diff(@PathVariable UUID id, @PathVariable int number, @RequestParam(required = false) Integer to) {
        return experiments.diff(id, number, to == null ? experiments.get(id).revision() : to);
    }

    @GetMapping("/{id}/export")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "The experiment as a file", description = "The documented format (docs/experiment-format"
            + ".md) with name, description and tags; POST it to /api/experiments/import to create it again.")
    ResponseEntity<ExperimentFile> export(@PathVariable UUID id) {
        ExperimentFile file = experiments.export(id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8).build().toString()).body(file);
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an experiment from a file", description = "The body is an exported file. It is "
            + "checked in full first: 400 with `problems`, each with its JSON path (`$.nodes[2].component`), a code "
            + "and the value in question, and nothing is created. `name` names it when the file does not.")
    ResponseEntity<ExperimentView> importFile(WorkspaceRef workspace, @RequestBody String file,
            @RequestParam(required = false) String name) {
        ExperimentView created = experiments.importFile(workspace, file, name);
        return ResponseEntity.created(URI.create("/api/experiments/" + created.id())).body(created);
    }

    @PostMapping("/validate")
    @Operation(summary = "Validate a graph without saving it", description = "Answers the errors (by node, param "
            + "and port) and every port spec inference could work out, which is what column pickers offer. Paths to "
            + "uploads ({uploads}/…) are those of the workspace the request works in.")
    ValidationResult validate(WorkspaceRef workspace, @RequestBody ExperimentGraph graph) {
        return experiments.validate(workspace, graph);
    }
}
