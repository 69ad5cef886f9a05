package io.easel.server.model;

import io.easel.component.ColumnSpec;
import io.easel.run.ModelDescription;
import io.easel.run.RunEvent;
import io.easel.run.WorkspaceLayout;
import io.easel.server.run.ModelExportedNotice;
import io.easel.server.run.RunHistory;
import io.easel.server.security.Access;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StoredJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model registry. A model is one model-producing node of one experiment; every run exporting it adds version n+1.
 * Versions are immutable: what they point to in the model store is never rewritten. A model belongs to its
 * experiment's workspace: its members read it, and for everyone else it does not exist (404).
 */
@Service
public class ModelService {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);

    private final ModelRepository models;
    private final ModelVersionRepository versions;
    private final ModelStore store;
    private final Access access;
    /** Absent on a serving replica (no run history there): versions then come without their evaluations. */
    private final ObjectProvider<RunHistory> runHistory;

    ModelService(ModelRepository models, ModelVersionRepository versions, ModelStore store, Access access,
            ObjectProvider<RunHistory> runHistory) {
        this.models = models;
        this.versions = versions;
        this.store = store;
        this.access = access;
        this.runHistory = runHistory;
    }

    /** The workspace's models, newest first, each with its versions. */
    @Transactional(readOnly = true)
    public List<ModelView> list(WorkspaceRef workspace) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        List<ModelEntity> all = models.findByWorkspaceIdOrderByCreatedAtDesc(workspace.id());
        Map<UUID, List<ModelVersionEntity>> versionsByModel = versions
                .findByModelIdInOrderByVersion(all.stream().map(ModelEntity::id).toList()).stream()
                .collect(Collectors.groupingBy(ModelVersionEntity::modelId));
        return all.stream().map(m -> view(m, versionsByModel.getOrDefault(m.id(), List.of()))).toList();
    }

    /** @throws ModelNotFoundException (404) */
    @Transactional(readOnly = true)
    public ModelView get(UUID modelId) {
        ModelEntity model = readable(modelId);
        return view(model, versions.findByModelIdOrderByVersion(modelId));
    }

    /** @throws ModelNotFoundException (404) for an unknown model or version */
    @Transactional(readOnly = true)
    public ModelVersionView version(UUID modelId, int version) {
        ModelEntity model = readable(modelId);
        return withEvaluations(model, versions.findByModelIdAndVersion(modelId, version)
                .orElseThrow(() -> ModelNotFoundException.version(modelId, version)));
    }

    /**
     * A version as scoring loads it, for the server itself (e.g. loading served models at start-up): no caller's
     * access is checked, since there may be no caller, and its run's evaluations are not read.
     *
     * @throws ModelNotFoundException for an unknown model or version
     */
    @Transactional(readOnly = true)
    public ModelVersionView versionForServing(UUID modelId, int version) {
        return versions.findByModelIdAndVersion(modelId, version).map(v -> v.view(model(modelId)))
                .orElseThrow(() -> ModelNotFoundException.version(modelId, version));
    }

    /** @throws ModelNotFoundException (404) for an unknown model or one without versions */
    @Transactional(readOnly = true)
    public ModelVersionView latestVersion(UUID modelId) {
        ModelEntity model = readable(modelId);
        return withEvaluations(model, versions.findFirstByModelIdOrderByVersionDesc(modelId)
                .orElseThrow(() -> ModelNotFoundException.model(modelId)));
    }

    /** The version that node {@code nodeId} of run {@code runId} exported, if it exported one the caller may see. */
    @Transactional(readOnly = true)
    public Optional<ModelVersionView> producedBy(UUID runId, String nodeId) {
        return versions.findByRunIdAndNodeId(runId, nodeId)
                .filter(v -> access.caller().canRead(model(v.modelId()).workspaceId()))
                .map(v -> withEvaluations(model(v.modelId()), v));
    }

    /** The versions run {@code runId} exported (one per model-producing node), by node id, if the caller may see them. */
    @Transactional(readOnly = true)
    public List<ModelVersionView> producedBy(UUID runId) {
        return versions.findByRunIdOrderByNodeId(runId).stream()
                .filter(v -> access.caller().canRead(model(v.modelId()).workspaceId()))
                .map(v -> v.view(model(v.modelId())))
                .toList();
    }

    /**
     * The PMML document of a version, read from the model store.
     *
     * @throws ModelNotFoundException (404)
     * @throws ModelStoreException (503) when the store cannot deliver it
     */
    public byte[] pmml(UUID modelId, int version) {
        return store.read(version(modelId, version).pmmlUri());
    }

    /**
     * Registers what a run exported as the next version of its model (creating the model on its first export). An
     * export reported twice (same run and node) registers once.
     */
    @Transactional
    ModelVersionView register(ModelExportedNotice notice) {
        RunEvent.ModelExported exported = notice.model();
        Optional<ModelVersionEntity> known = versions.findByRunIdAndNodeId(notice.runId(), exported.nodeId());
        if (known.isPresent()) {
            return known.get().view(model(known.get().modelId()));
        }
        String name = notice.experimentName() + " / " + exported.nodeId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        models.insertIfAbsent(UUID.randomUUID(), notice.workspaceId(), name, notice.experimentId(), exported.nodeId(),
                now);
        ModelEntity model = models.findForUpdateByExperimentIdAndNodeId(notice.experimentId(), exported.nodeId())
                .orElseThrow();
        model.rename(name);
        ExportedSignature signature = signature(exported);
        ModelVersionEntity version = versions.save(new ModelVersionEntity(model.id(),
                versions.latestVersion(model.id()) + 1, notice.runId(), exported.nodeId(), exported.uri(),
                signature.inputs(), signature.label(), signature.metrics(), now, notice.experimentRevision(),
                exported.lineage(), exported.parity(), exported.profile()));
        log.info("Registered model '{}' version {} from run {} ({})", name, version.version(), notice.runId(),
                exported.uri());
        return version.view(model);
    }

    /**
     * What a scoring request carries and what the model predicts. The event normally says; an engine that left the
     * inputs out still wrote them to model.json beside the PMML.
     */
    private ExportedSignature signature(RunEvent.ModelExported exported) {
        Map<String, Object> metrics = exported.metrics() == null ? Map.of() : exported.metrics();
        if (exported.inputs() != null && !exported.inputs().isEmpty()) {
            return new ExportedSignature(exported.inputs(), exported.label(), metrics);
        }
        String descriptorUri = ModelStore.sibling(exported.uri(), WorkspaceLayout.MODEL_DESCRIPTION);
        try {
            ModelDescription described = StoredJson.MAPPER.readValue(store.read(descriptorUri),
                    ModelDescription.class);
            return new ExportedSignature(described.inputs() == null ? List.of() : described.inputs(),
                    exported.label() != null ? exported.label() : described.label(),
                    metrics.isEmpty() && described.metrics() != null ? described.metrics() : metrics);
        } catch (RuntimeException e) {
            // Scoring then takes the inputs from the PMML itself.
            log.warn("Model export of node {} names no inputs and {} is unreadable: {}", exported.nodeId(),
                    descriptorUri, e.getMessage());
            return new ExportedSignature(List.of(), exported.label(), metrics);
        }
    }

    /**
     * A version with the evaluations of its run: the metrics of the evaluation nodes its node fed. They are read
     * when asked for, since the evaluations finish after the model is registered.
     */
    private ModelVersionView withEvaluations(ModelEntity model, ModelVersionEntity version) {
        RunHistory history = runHistory.getIfAvailable();
        return history == null ? version.view(model)
                : version.view(model, history.evaluationsOf(version.runId(), version.nodeId()));
    }

    private ModelEntity model(UUID modelId) {
        return models.findById(modelId).orElseThrow(() -> ModelNotFoundException.model(modelId));
    }

    private ModelEntity readable(UUID modelId) {
        ModelEntity model = model(modelId);
        access.requireRead(model.workspaceId(), () -> ModelNotFoundException.model(modelId));
        return model;
    }

    private static ModelView view(ModelEntity model, List<ModelVersionEntity> versions) {
        List<ModelVersionView> views = versions.stream().map(v -> v.view(model)).toList();
        int latest = views.isEmpty() ? 0 : views.getLast().version();
        return new ModelView(model.id(), model.workspaceId(), model.name(), model.experimentId(), model.nodeId(), model.createdAt(), latest,
                views);
    }

    /** The part of the export event (and of model.json) that registration keeps. */
    record ExportedSignature(List<ColumnSpec> inputs, ColumnSpec label, Map<String, Object> metrics) {}
}
