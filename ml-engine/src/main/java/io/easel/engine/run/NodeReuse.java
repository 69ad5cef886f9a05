package io.easel.engine.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.BoundParams;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Port;
import io.easel.components.ComponentRegistry;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.DataAccess;
import io.easel.engine.cache.CacheHousekeeping;
import io.easel.engine.cache.CacheManifest;
import io.easel.engine.cache.Fingerprints;
import io.easel.engine.cache.NodeFingerprint;
import io.easel.engine.cache.OutputCache;
import io.easel.engine.cache.RerunReasons;
import io.easel.engine.store.FileStore;
import io.easel.graph.Edge;
import io.easel.graph.GraphIndex;
import io.easel.graph.Node;
import io.easel.graph.PortRef;
import io.easel.run.ModelLineage;
import io.easel.run.PortResult;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run knows of earlier runs' outputs: fingerprints each node before it runs, finds its outputs in the
 * workspace cache (unless the node is forced or may never be reused), stores the outputs of the nodes that ran, and
 * says why a node ran again by comparing with the fingerprints of the previous run of the same experiment. At the end
 * it writes this run's fingerprints ({@link WorkspaceLayout#fingerprints}) for the next run to compare with.
 *
 * <p>Nodes of independent branches call it from their own threads: one call at a time (storing one node's outputs
 * holds back only the other nodes' cache look-ups and stores, not their work).
 */
final class NodeReuse {

    private static final Logger LOG = LoggerFactory.getLogger(NodeReuse.class);
    private static final TypeReference<Map<String, NodeFingerprint>> FINGERPRINTS = new TypeReference<>() {};
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final ComponentRegistry registry;
    private final DataAccess data;
    private final FileStore store;
    private final ObjectMapper json;
    private final RunLayout layout;
    private final RunReuse policy;
    private final Fingerprints fingerprints;
    private final OutputCache cache;
    private final Map<String, NodeFingerprint> previous;
    private final Map<String, NodeFingerprint> current = new TreeMap<>();
    /** The files each source of this run reads, as listed for its fingerprint: a model's lineage names them. */
    private final Map<String, ModelLineage.SourceData> sourceFiles = new HashMap<>();

    NodeReuse(SparkSession spark, ComponentRegistry registry, DataAccess data, FileStore store, ObjectMapper json,
            RunLayout layout, RunReuse policy) {
        this.registry = registry;
        this.data = data;
        this.store = store;
        this.json = json;
        this.layout = layout;
        this.policy = policy;
        this.fingerprints = new Fingerprints(spark.sparkContext().hadoopConfiguration(), data);
        this.cache = new OutputCache(spark, store, layout.workspace(), json, layout.runId(), policy.scope());
        this.previous = previousFingerprints();
    }

    /**
     * What the run does with one node.
     *
     * @param reused the outputs found in the cache, if the node reuses them
     * @param rerunReason why the node runs although the previous run of the experiment had it; null otherwise
     * @param keep whether the node's outputs are stored for later runs once it has run
     */
    record Decision(NodeFingerprint fingerprint, Optional<OutputCache.Found> reused, String rerunReason,
            boolean keep) {}

    /**
     * @param inputOnly the node only feeds the run's scope: it may reuse stored outputs but never runs, so a
     *     fingerprint it has no outputs for is not recorded as its latest (the next run compares with the one it
     *     last ran with)
     */
    synchronized Decision decide(GraphIndex graph, Node node, SparkComponent component, BoundParams params,
            boolean inputOnly) {
        ComponentDescriptor descriptor = component.descriptor();
        Fingerprints.Assessment assessment = fingerprints.assess(descriptor, component.getClass(), params,
                upstream(graph, node, descriptor));
        NodeFingerprint fingerprint = assessment.fingerprint();
        if (assessment.files() != null) {
            sourceFiles.put(node.id(), assessment.files());
        }
        boolean forced = policy.forces(node.id());
        boolean reusable = assessment.neverReused().isEmpty();
        Optional<OutputCache.Found> found = forced || !reusable ? Optional.empty()
                : cache.load(fingerprint.hash(), descriptor.outputs(), this::trainer);
        if (found.isPresent() || !inputOnly) {
            current.put(node.id(), fingerprint);
        }
        if (found.isPresent()) {
            cache.used(fingerprint.hash());
            return new Decision(fingerprint, found, null, false);
        }
        NodeFingerprint before = previous.get(node.id());
        String reason;
        if (forced) {
            reason = RerunReasons.FORCED;
        } else if (!reusable) {
            reason = before == null && !inputOnly ? null : "never reused: " + assessment.neverReused().get();
        } else if (before == null) {
            reason = null;
        } else {
            String changes = RerunReasons.changes(before, fingerprint);
            reason = !changes.isEmpty() ? changes : cache.whyNotKept(fingerprint.hash())
                    .map(why -> "its outputs cannot be kept: " + why)
                    .orElse("its earlier outputs are no longer stored");
        }
        return new Decision(fingerprint, Optional.empty(), reason, reusable);
    }

    /**
     * What a node of this run was computed from, as the lineage of a model downstream records it: its component,
     * params as bound, inputs and (for a source) its files. Empty for a node not fingerprinted in this run.
     */
    synchronized Optional<ModelLineage.Step> lineageStep(String nodeId) {
        NodeFingerprint fingerprint = current.get(nodeId);
        if (fingerprint == null) {
            return Optional.empty();
        }
        Map<String, PortRef> inputs = new TreeMap<>();
        fingerprint.inputs().forEach((port, from) -> inputs.put(port, new PortRef(from.node(), from.port())));
        return Optional.of(new ModelLineage.Step(nodeId, fingerprint.component(), fingerprint.version(),
                params(fingerprint.params()), inputs, sourceFiles.get(nodeId)));
    }

    private static Map<String, Object> params(Map<String, Object> canonical) {
        Map<String, Object> params = new TreeMap<>();
        canonical.forEach((name, value) -> params.put(name, plain(value)));
        return params;
    }

    /**
     * Canonical params as plain JSON values: whole numbers as integers, others as doubles, so that a lineage reads
     * {@code "maxIter": 100} rather than a decimal's {@code 1E+2}.
     */
    private static Object plain(Object canonical) {
        return switch (canonical) {
            case BigDecimal d when d.signum() == 0 || d.scale() <= 0 && d.abs().compareTo(LONG_MAX) <= 0 -> {
                long whole = d.longValue();
                yield whole == (int) whole ? (Object) (int) whole : (Object) whole;
            }
            case BigDecimal d -> d.doubleValue();
            case Map<?, ?> map -> {
                Map<String, Object> out = new TreeMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
                yield out;
            }
            case List<?> list -> list.stream().map(NodeReuse::plain).toList();
            case null, default -> canonical;
        };
    }

    /** Stores what a node that ran output, for later runs; best effort. */
    synchronized void keep(Node node, Decision decision, ComponentDescriptor descriptor,
            Map<String, PortValue> outputs, Map<String, PortResult> results) {
        if (!decision.keep()) {
            return;
        }
        List<OutputCache.Output> kept = new ArrayList<>();
        for (Port port : descriptor.outputs()) {
            kept.add(new OutputCache.Output(port, outputs.get(port.name()).data(), results.get(port.name())));
        }
        cache.store(node.id(), decision.fingerprint(), kept);
    }

    /**
     * Writes this run's fingerprints: those of the nodes it got to, and for the others of its graph the previous
     * run's, so that the next run compares each node with its latest fingerprint.
     */
    synchronized void writeFingerprints(List<String> nodes) {
        Map<String, NodeFingerprint> latest = new LinkedHashMap<>();
        for (String id : nodes) {
            NodeFingerprint fingerprint = current.getOrDefault(id, previous.get(id));
            if (fingerprint != null) {
                latest.put(id, fingerprint);
            }
        }
        try {
            store.write(new Path(layout.workspace(), WorkspaceLayout.fingerprints(layout.runId())),
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(latest));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write the fingerprints of run {}: {}", layout.runId(), e.toString());
        }
    }

    /**
     * Keeps the workspace cache within the run's size limit ({@link CacheHousekeeping}); best effort, and nothing
     * when the run has no limit.
     */
    synchronized void housekeeping() {
        if (policy.cacheMaxBytes() <= 0) {
            return;
        }
        try {
            new CacheHousekeeping(store, layout.workspace(), json).sweep(policy.cacheMaxBytes(), cache.touched());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Run {}: the cache could not be kept within {} bytes: {}", layout.runId(),
                    policy.cacheMaxBytes(), e.toString());
        }
    }

    private Map<String, NodeFingerprint.Upstream> upstream(GraphIndex graph, Node node,
            ComponentDescriptor descriptor) {
        Map<String, NodeFingerprint.Upstream> inputs = new TreeMap<>();
        for (Port port : descriptor.inputs()) {
            graph.edgeInto(new PortRef(node.id(), port.name())).map(Edge::from).ifPresent(from -> inputs.put(
                    port.name(), new NodeFingerprint.Upstream(from.node(), from.port(),
                            current.get(from.node()).hash())));
        }
        return inputs;
    }

    private RetrainingByExecution trainer(CacheManifest.TrainerRecipe recipe) {
        return new RetrainingByExecution(registry.byId(recipe.component()), recipe.input(), recipe.params(), data);
    }

    private Map<String, NodeFingerprint> previousFingerprints() {
        if (policy.previousRun() == null) {
            return Map.of();
        }
        Path file = new Path(layout.workspace(), WorkspaceLayout.fingerprints(policy.previousRun()));
        try {
            return store.exists(file) ? json.readValue(store.read(file), FINGERPRINTS) : Map.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the fingerprints of the previous run {}: {}", policy.previousRun(), e.toString());
            return Map.of();
        }
    }
}
