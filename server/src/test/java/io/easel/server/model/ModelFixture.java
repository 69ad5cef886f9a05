package io.easel.server.model;

import io.easel.component.ColumnSpec;
import io.easel.run.RunEvent;
import io.easel.run.TrainingProfile;
import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.run.ModelExportedNotice;
import io.easel.server.security.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real exported model under {@code src/test/resources/models/<name>} (see the README there): written into a model
 * store the way the engine writes it, and announced the way the run feature announces it.
 */
public record ModelFixture(String name) {

    /** The credit_g GBDT the engine exported; maps unseen categories to "unknown". */
    public static final ModelFixture CREDIT_GBDT = new ModelFixture("credit-gbdt");

    /** A credit_g GBT pipeline whose PMML rejects unseen categories. */
    public static final ModelFixture CREDIT_GBDT_STRICT = new ModelFixture("credit-gbdt-strict");
    /** Exported by the current engine: its text inputs are filled, then indexed over a derived field. */
    public static final ModelFixture CREDIT_GBDT_FILLED = new ModelFixture("credit-gbdt-filled");

    public static final String NODE_ID = "gbdt";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Writes model.pmml and model.json to {@code <store>/<runId>/gbdt/}; returns the PMML URI. */
    public String writeToStore(ModelStore store, UUID runId) {
        URI pmml = store.pmmlLocation(runId, NODE_ID);
        Path directory = Path.of(pmml).getParent();
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("model.pmml"), resource("model.pmml"));
            Files.write(directory.resolve("model.json"), resource("model.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pmml.toString();
    }

    /**
     * The notice a run of {@code experimentId} publishes after the engine exported this model to {@code uri}, with the
     * inputs, label, metrics and training profile of model.json; {@code withInputs = false} leaves the inputs out, as an engine may.
     */
    public ModelExportedNotice notice(UUID experimentId, String experimentName, UUID runId, String uri,
            boolean withInputs) {
        return notice(WorkspaceRef.DEFAULT_ID, experimentId, experimentName, runId, uri, withInputs);
    }

    /** The same, for a run in another workspace than the default one. */
    public ModelExportedNotice notice(UUID workspaceId, UUID experimentId, String experimentName, UUID runId,
            String uri, boolean withInputs) {
        Map<String, Object> descriptor = descriptor();
        List<ColumnSpec> inputs = withInputs
                ? JSON.convertValue(descriptor.get("inputs"), new TypeReference<List<ColumnSpec>>() {})
                : null;
        ColumnSpec label = JSON.convertValue(descriptor.get("label"), ColumnSpec.class);
        Map<String, Object> metrics = JSON.convertValue(descriptor.get("metrics"),
                new TypeReference<Map<String, Object>>() {});
        // The training profile of model.json, where the engine that exported it counted one
        TrainingProfile profile = JSON.convertValue(descriptor.get("profile"), TrainingProfile.class);
        return new ModelExportedNotice(workspaceId, experimentId, experimentName, runId,
                new RunEvent.ModelExported(NODE_ID, "model", uri, inputs, label, metrics, System.currentTimeMillis(),
                        null, null, profile));
    }

    /** Exports this model from a new run of {@code experimentId} into {@code store} and announces it. */
    public ModelExportedNotice export(ModelStore store, UUID experimentId, String experimentName) {
        UUID runId = UUID.randomUUID();
        return notice(experimentId, experimentName, runId, writeToStore(store, runId), true);
    }

    /**
     * Exports this model from a new run of {@code experimentId} into the server's model store and announces it, so
     * that the server registers it as the model's next version; returns that version. The caller must be signed in.
     */
    public ModelVersionView register(ApplicationContext server, UUID experimentId, String experimentName) {
        ModelExportedNotice notice = export(server.getBean(ModelStore.class), experimentId, experimentName);
        server.publishEvent(notice);
        return server.getBean(ModelService.class).producedBy(notice.runId(), NODE_ID).orElseThrow();
    }

    /**
     * Registers one model with two versions that score differently, from two runs of a new experiment: version 1 the
     * credit GBDT the engine exported, version 2 the strict one. Returns the model's id.
     */
    public static UUID registerTwoVersions(ApplicationContext server, String experimentName) {
        UUID experimentId = UUID.randomUUID();
        UUID modelId = CREDIT_GBDT.register(server, experimentId, experimentName).modelId();
        CREDIT_GBDT_STRICT.register(server, experimentId, experimentName);
        return modelId;
    }

    /**
     * Registers this model as exported by a new run in the default workspace and deploys it as {@code name}, signed
     * in as the test server's first administrator; returns the scoring path ({@code /api/score/<name>}).
     */
    public String deploy(ApplicationContext server, String name) {
        return AsAdministrator.as(server, Api.ADMIN, () -> {
            UUID model = register(server, UUID.randomUUID(), "Fixture").modelId();
            return server.getBean(DeploymentService.class).deploy(model, null, name).endpointPath();
        });
    }

    /** The raw records of {@link #expectedRows()}, as a scoring request carries them. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> records() {
        return expectedRows().stream().map(row -> (Map<String, Object>) row.get("record")).toList();
    }

    /** model.json as a map. */
    public Map<String, Object> descriptor() {
        return JSON.readValue(resource("model.json"), new TypeReference<Map<String, Object>>() {});
    }

    /** expected.json's rows: each raw {@code record} with Spark's {@code prediction} and {@code probabilities}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> expectedRows() {
        Map<String, Object> expected = JSON.readValue(resource("expected.json"),
                new TypeReference<Map<String, Object>>() {});
        return (List<Map<String, Object>>) expected.get("rows");
    }

    public byte[] resource(String file) {
        String path = "/models/" + name + "/" + file;
        try (InputStream in = ModelFixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
