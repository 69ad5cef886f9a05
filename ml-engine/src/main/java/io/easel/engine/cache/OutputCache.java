package io.easel.engine.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ModelSpec;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.spi.Trainer;
import io.easel.engine.store.FileStore;
import io.easel.run.PortResult;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node outputs that later runs of the same scope (an Easel workspace) reuse, under
 * {@code <workspace>/cache/<scope>/<fingerprint>/}: a manifest, the fitted pipelines of models (Spark ML's own
 * format), and the fitted steps of lineages (one saved pipeline per step, under {@code cache/<scope>/steps/<runId>/},
 * shared by every output of the run whose lineage holds it). Tables are not
 * copied: the manifest points at the Parquet the computing run wrote. Storing is best effort and loading checks what
 * it loads: an output that cannot be stored is simply not reused, an entry that cannot be loaded makes the node run.
 * A model's fitted pipeline and the fitted steps of a table's lineage are the exception: they are loaded only when a
 * node that runs needs them ({@link StoredModel}, {@link TableData#withLineageFrom}), and a model that cannot be
 * loaded then fails that node and is dropped, so that the next run trains the model again.
 */
public final class OutputCache {

    private static final Logger LOG = LoggerFactory.getLogger(OutputCache.class);
    /** In an entry instead of a manifest: why the outputs could not be stored. */
    private static final String NOT_KEPT = "not-kept.txt";
    /** In an entry: written each time a run reuses it, so that eviction finds the least recently used. */
    static final String LAST_USED = "last-used";

    private final SparkSession spark;
    private final FileStore store;
    private final Path workspace;
    private final ObjectMapper json;
    private final String runId;
    private final String scope;
    /** Each fitted step this run saved or loaded, and where it is: a step shared by many outputs is saved once. */
    private final Map<Transformer, String> savedSteps = new IdentityHashMap<>();
    /** Each fitted step this run loaded, by where it is: outputs sharing a step share the loaded one. */
    private final Map<String, Transformer> loadedSteps = new HashMap<>();
    /** The entries this run stored or reused: never evicted by its own housekeeping. */
    private final Set<String> touched = ConcurrentHashMap.newKeySet();

    /** @param scope whose runs share the outputs (an Easel workspace): outputs never cross scopes */
    public OutputCache(SparkSession spark, FileStore store, Path workspace, ObjectMapper json, String runId,
            String scope) {
        this.scope = scope;
        this.spark = spark;
        this.store = store;
        this.workspace = workspace;
        this.json = json;
        this.runId = runId;
    }

    /**
     * One output of a node: a {@link TableData}, {@link ModelData} (a {@link StoredModel} when loaded from the
     * cache) or {@link ReportData}, and what was reported.
     */
    public record Output(Port port, Object data, PortResult result) {}

    /** Outputs found under a fingerprint, and the run that computed them. */
    public record Found(String runId, NodeFingerprint fingerprint, List<Output> outputs) {}

    /**
     * The outputs stored under {@code fingerprint}, loaded; empty when there are none or they cannot be loaded (the
     * node then runs, and stores them again).
     *
     * @param ports the node's output ports, which the entry must hold exactly
     * @param trainers rebuilds a model's trainer from its recipe
     */
    public Optional<Found> load(String fingerprint, List<Port> ports,
            Function<CacheManifest.TrainerRecipe, Trainer> trainers) {
        Path entry = entry(fingerprint);
        try {
            Path manifestFile = new Path(entry, CacheManifest.FILE);
            if (!store.exists(manifestFile)) {
                return Optional.empty();
            }
            CacheManifest manifest = json.readValue(store.read(manifestFile), CacheManifest.class);
            List<String> stored = manifest.outputs().stream().map(CacheManifest.Output::port).toList();
            if (!stored.equals(ports.stream().map(Port::name).toList())) {
                LOG.info("Cache entry {} holds ports {}, not the node's; it runs", fingerprint, stored);
                return Optional.empty();
            }
            List<Output> outputs = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                CacheManifest.Output output = manifest.outputs().get(i);
                outputs.add(new Output(ports.get(i), load(manifest.runId(), entry, ports.get(i), output, trainers),
                        output.result()));
            }
            return Optional.of(new Found(manifest.runId(), manifest.fingerprint(), outputs));
        } catch (Exception e) { // Spark ML throws SparkException (checked) undeclared
            LOG.warn("Cache entry {} cannot be loaded, the node runs: {}", fingerprint, e.toString());
            return Optional.empty();
        }
    }

    /** A table or report as it was; a model as a {@link StoredModel}, loaded when first needed. */
    private Object load(String storedBy, Path entry, Port port, CacheManifest.Output output,
            Function<CacheManifest.TrainerRecipe, Trainer> trainers) throws IOException {
        if (port.type() == PortType.TABLE && output.table() != null) {
            CacheManifest.Table table = output.table();
            checkSaved(table.lineage(), port);
            return TableData.withLineageFrom(spark.read().parquet(table.location()), () -> {
                try {
                    return lineage(table.lineage());
                } catch (IOException e) {
                    throw new UncheckedIOException("The feature steps of the table that run " + storedBy
                            + " stored cannot be loaded: " + e.getMessage(), e);
                }
            });
        }
        if (port.type() == PortType.MODEL && output.model() != null) {
            CacheManifest.Model model = output.model();
            ModelSpec spec = (ModelSpec) output.result().spec();
            if (!store.exists(new Path(entry, model.pipeline()))) {
                throw new IOException("the fitted pipeline of port '" + port.name() + "' is gone");
            }
            Trainer trainer = model.trainer() == null ? null : trainers.apply(model.trainer());
            return new StoredModel(storedBy, spec, trainer, () -> {
                try {
                    PipelineModel pipeline = PipelineModel.load(store.uri(new Path(entry, model.pipeline())));
                    LOG.info("Loaded the model stored in cache entry {}", entry.getName());
                    return new ModelData(spec, lineage(model.lineage()), pipeline, model.labels(), model.metrics(),
                            model.slots(), trainer);
                } catch (Exception e) { // Spark ML throws SparkException (checked) undeclared
                    LOG.warn("The model stored in cache entry {} cannot be loaded, the entry is dropped: {}",
                            entry.getName(), e.toString());
                    try {
                        store.delete(entry);
                    } catch (IOException | RuntimeException ignored) {
                        // then the next run that needs it finds it unloadable too, and says so again
                    }
                    throw e;
                }
            });
        }
        if (port.type() == PortType.REPORT && output.report() != null) {
            CacheManifest.Report report = output.report();
            return new ReportData(report.kind(), report.metrics(), report.charts());
        }
        throw new IOException("port '" + port.name() + "' is stored as another kind of output");
    }

    /**
     * Checks that the saved steps of a table's lineage are there, without loading them: an entry whose steps are gone
     * makes the node run now, rather than fail a node downstream that needs them later.
     */
    private void checkSaved(CacheManifest.Lineage lineage, Port port) throws IOException {
        for (String step : lineage.steps()) {
            if (!store.exists(new Path(workspace, step))) {
                throw new IOException("a feature step of port '" + port.name() + "' is gone (" + step + ")");
            }
        }
    }

    /**
     * Loads the steps of a lineage; a step shared by many outputs is loaded once (from any node's thread). A table's
     * lineage is loaded only when a node that runs asks for it ({@link TableData#withLineageFrom}), a model's with the
     * model ({@link StoredModel}).
     */
    private synchronized FeatureLineage lineage(CacheManifest.Lineage stored) throws IOException {
        List<Transformer> steps = new ArrayList<>();
        for (String step : stored.steps()) {
            Transformer loaded = loadedSteps.get(step);
            if (loaded == null) {
                loaded = PipelineModel.load(store.uri(new Path(workspace, step))).stages()[0];
                LOG.info("Loaded the saved feature step {}", step);
                loadedSteps.put(step, loaded);
                savedSteps.put(loaded, step);
            }
            steps.add(loaded);
        }
        return new FeatureLineage((StructType) DataType.fromJson(stored.rawSchema()), steps, stored.boundaries(),
                stored.pmmlGaps());
    }

    /** Records that a run reuses the outputs of {@code fingerprint} now (best effort). */
    public void used(String fingerprint) {
        touched.add(fingerprint);
        try {
            store.write(new Path(entry(fingerprint), LAST_USED),
                    Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.info("Cannot record the use of cache entry {}: {}", fingerprint, e.toString());
        }
    }

    /** The entries this run stored or reused so far. */
    public Set<String> touched() {
        return Set.copyOf(touched);
    }

    /**
     * Stores a node's outputs under its fingerprint, replacing what was there; an output that cannot be stored
     * (a step or model Spark ML cannot save, a table whose row order is part of it) leaves no entry.
     */
    public void store(String nodeId, NodeFingerprint fingerprint, List<Output> outputs) {
        Path entry = entry(fingerprint.hash());
        touched.add(fingerprint.hash());
        try {
            store.delete(entry);
            List<CacheManifest.Output> stored = new ArrayList<>();
            for (Output output : outputs) {
                stored.add(stored(entry, output));
            }
            CacheManifest manifest = new CacheManifest(CacheManifest.FORMAT_VERSION, runId, nodeId,
                    System.currentTimeMillis(), fingerprint, stored);
            store.write(new Path(entry, CacheManifest.FILE), json.writeValueAsBytes(manifest));
        } catch (Exception e) { // Spark ML throws SparkException (checked) undeclared
            LOG.info("The outputs of node '{}' are not kept for later runs: {}", nodeId, e.toString());
            try {
                store.delete(entry);
                store.write(new Path(entry, NOT_KEPT), String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // an entry without a manifest is never read
            }
        }
    }

    /** Why the outputs of {@code fingerprint} could not be stored when a run tried, if it could not. */
    public Optional<String> whyNotKept(String fingerprint) {
        try {
            Path marker = new Path(entry(fingerprint), NOT_KEPT);
            return store.exists(marker) ? Optional.of(new String(store.read(marker), StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private CacheManifest.Output stored(Path entry, Output output) throws IOException {
        String port = output.port().name();
        return switch (output.data()) {
            case TableData table -> {
                if (!table.order().isEmpty()) {
                    throw new IOException("the rows of '" + port + "' are in an order that is part of the result");
                }
                yield new CacheManifest.Output(port, output.result(),
                        new CacheManifest.Table(output.result().location(), stored(table.lineage())), null, null);
            }
            case ModelData model -> {
                String pipeline = "models/" + WorkspaceLayout.segment(port);
                model.pipeline().write().overwrite().save(store.uri(new Path(entry, pipeline)));
                yield new CacheManifest.Output(port, output.result(), null, new CacheManifest.Model(pipeline,
                        stored(model.lineage()), model.labels(), model.metrics(), model.slots(),
                        recipe(model.trainer())), null);
            }
            case ReportData report -> new CacheManifest.Output(port, output.result(), null, null,
                    new CacheManifest.Report(report.kind(), report.metrics(), report.charts()));
            default -> throw new IOException("port '" + port + "' holds " + output.data());
        };
    }

    private synchronized CacheManifest.Lineage stored(FeatureLineage lineage) throws IOException {
        List<String> steps = new ArrayList<>();
        for (Transformer step : lineage.steps()) {
            String saved = savedSteps.get(step);
            if (saved == null) {
                saved = WorkspaceLayout.cacheScope(scope) + "/steps/" + runId + "/" + savedSteps.size();
                new PipelineModel(UUID.randomUUID().toString(), new Transformer[] {step}).write().overwrite()
                        .save(store.uri(new Path(workspace, saved)));
                savedSteps.put(step, saved);
            }
            steps.add(saved);
        }
        return new CacheManifest.Lineage(lineage.rawSchema().json(), steps, lineage.boundaries(),
                lineage.pmmlGaps());
    }

    private static CacheManifest.TrainerRecipe recipe(Trainer trainer) throws IOException {
        if (trainer == null) {
            return null;
        }
        Port input = trainer.component().inputs().stream().filter(p -> p.type() == PortType.TABLE).findFirst()
                .orElseThrow(() -> new IOException("the learner " + trainer.componentId() + " has no table input"));
        return new CacheManifest.TrainerRecipe(trainer.componentId(), input.name(), trainer.params());
    }

    private Path entry(String fingerprint) {
        return new Path(workspace, WorkspaceLayout.cacheEntry(scope, fingerprint));
    }
}
