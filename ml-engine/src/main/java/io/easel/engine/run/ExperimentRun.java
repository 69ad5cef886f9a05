package io.easel.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.BoundParams;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Port;
import io.easel.component.PortSpec;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.TableSpec;
import io.easel.components.ComponentRegistry;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.engine.cache.OutputCache;
import io.easel.engine.export.PmmlExporter;
import io.easel.engine.log.LogTags;
import io.easel.engine.store.FileStore;
import io.easel.engine.report.RunReporter;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphIndex;
import io.easel.graph.GraphLimits;
import io.easel.graph.GraphValidator;
import io.easel.graph.Node;
import io.easel.graph.PmmlExports;
import io.easel.graph.PortRef;
import io.easel.graph.TopologicalOrder;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import io.easel.run.DataRoots;
import io.easel.run.ModelLineage;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunScope;
import io.easel.run.RunState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an experiment on a Spark session: reads the graph, validates it against the catalog, then runs each
 * node as soon as the nodes it depends on have ended, independent branches side by side on up to
 * {@code spark.easel.concurrentNodes} threads ({@link NodeWorkers}), and reports every step. A node that throws fails
 * alone: what depends on it is skipped, independent branches still run. After a node succeeds its table outputs are
 * checked against the specs its schema rules inferred, written to the workspace (the small ones kept in memory for the
 * nodes downstream until the run ends, {@link TablePublisher}) and summarized; its models are
 * exported to PMML.
 */
public final class ExperimentRun {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRun.class);

    private final SparkSession spark;
    private final ComponentRegistry registry;
    private final RunLayout layout;
    private final RunReporter reporter;
    private final ObjectMapper json;
    /** Writes the run's tables and keeps the small ones in memory; set once the graph is read. */
    private TablePublisher tables;
    private final FileStore store;
    private final PmmlExporter models;
    private final DataAccess data;
    private final BooleanSupplier cancelled;
    private final NodeReuse reuse;
    private final RunScope scope;
    /** What the run does with each node, by its scope; set once the graph is read. */
    private Map<String, RunScope.Role> roles = Map.of();
    /** The graph, and its nodes in the order the run takes them; set once the graph is read. */
    private GraphIndex graphIndex;
    private List<String> order = List.of();
    /** Why each node that only feeds the scope has no stored outputs to feed it with, by node. */
    private final Map<String, String> missingInputs = new ConcurrentHashMap<>();
    /**
     * The port values computed so far, where a model's parity check finds its rows; set once the run starts, before
     * any node worker does, and written by the workers (a concurrent map).
     */
    private Map<PortRef, PortValue> computed = Map.of();

    /** @param dataRoots where file sources may read: checked at validation and again as they read */
    public ExperimentRun(SparkSession spark, ComponentRegistry registry, RunLayout layout, FileStore store,
            RunReporter reporter, ObjectMapper json, DataRoots dataRoots) {
        this(spark, registry, layout, store, reporter, json, new DataAccess(dataRoots), () -> false,
                RunReuse.byFingerprint());
    }

    /**
     * @param data where sources and sinks may read and write: checked at validation and again as they do
     * @param cancelled whether the run has been cancelled: asked before each node starts, and when a node fails (its
     *     Spark jobs cancelled); the run then ends as cancelled once the nodes under way have stopped, the nodes not
     *     run yet skipped
     * @param reuse which nodes may reuse the outputs earlier runs stored, and which run to compare with
     */
    public ExperimentRun(SparkSession spark, ComponentRegistry registry, RunLayout layout, FileStore store,
            RunReporter reporter, ObjectMapper json, DataAccess data, BooleanSupplier cancelled, RunReuse reuse) {
        this.spark = spark;
        this.cancelled = cancelled;
        this.data = data;
        this.registry = registry;
        this.layout = layout;
        this.reporter = reporter;
        this.json = json;
        this.store = store;
        this.models = new PmmlExporter(store, json, spark.version());
        this.reuse = new NodeReuse(spark, registry, data, store, json, layout, reuse);
        this.scope = reuse.runScope();
    }

    /** Runs the experiment given as JSON and returns how the run ended; never throws. */
    public RunState run(String experimentJson) {
        return run(() -> experimentJson);
    }

    /**
     * Reads the experiment JSON (a failure to read fails the run like any other problem), runs it and returns how
     * the run ended; never throws.
     */
    public RunState run(Callable<String> experiment) {
        try {
            reporter.started(spark.sparkContext().applicationId(), SparkUiAddress.of(spark.sparkContext()));
            String text;
            try {
                text = experiment.call();
            } catch (Exception e) {
                LOG.error("Cannot read the experiment of run {}", layout.runId(), e);
                reporter.finish(RunState.FAILED, "Cannot read the experiment: " + FailureMessage.of(e));
                return RunState.FAILED;
            }
            ExperimentGraph graph;
            try {
                graph = json.readValue(text, ExperimentGraph.class);
            } catch (JsonProcessingException | RuntimeException e) {
                reporter.finish(RunState.FAILED, "The experiment is not valid experiment JSON: " + describe(e));
                return RunState.FAILED;
            }
            ValidationResult validation = new GraphValidator(registry.catalog(), data.roots(), GraphLimits.DEFAULT,
                    data.connections().names()).validate(graph);
            if (!validation.isValid()) {
                reportInvalid(graph, validation);
            } else {
                execute(graph, validation);
                // After the end is reported: keeping the cache within its limit delays no one.
                reuse.housekeeping();
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Run {} failed in the engine itself", layout.runId(), e);
            reporter.finish(RunState.FAILED, "The engine failed: " + FailureMessage.of(e));
        }
        RunEvent.RunFinished finished = reporter.finished();
        return finished == null ? RunState.FAILED : finished.state();
    }

    private void reportInvalid(ExperimentGraph graph, ValidationResult validation) {
        for (Node node : graph.nodes()) {
            List<ValidationError> errors = validation.errorsOf(node.id());
            if (errors.isEmpty()) {
                reporter.node(node.id(), NodeState.SKIPPED, "Not run: the experiment has errors");
            } else {
                reporter.node(node.id(), NodeState.FAILED,
                        errors.stream().map(ValidationError::message).collect(Collectors.joining("; ")));
            }
        }
        List<String> messages = validation.errors().stream().map(ValidationError::message).toList();
        reporter.finish(RunState.FAILED, "The experiment is invalid (" + messages.size() + " problem"
                + (messages.size() == 1 ? "" : "s") + "): " + String.join("; ", messages));
    }

    private void execute(ExperimentGraph document, ValidationResult validation) {
        try {
            roles = scope.roles(document);
        } catch (IllegalArgumentException e) {
            reporter.finish(RunState.FAILED, "The " + scope.describe() + " cannot start: " + e.getMessage());
            return;
        }
        int concurrentNodes;
        try {
            concurrentNodes = NodeWorkers.concurrentNodes(spark);
            tables = new TablePublisher(spark, store, TablePublisher.memoryLimit(spark));
        } catch (IllegalArgumentException e) {
            reporter.finish(RunState.FAILED, "The run cannot start: " + e.getMessage());
            return;
        }
        GraphIndex graph = GraphIndex.of(document);
        PmmlExports exports = new PmmlExports(graph, registry.catalog());
        List<String> order = TopologicalOrder.of(document);
        this.graphIndex = graph;
        this.order = order;
        order.stream().filter(id -> roles.get(id) != RunScope.Role.OUTSIDE)
                .forEach(id -> reporter.node(id, NodeState.QUEUED, null));
        // Written by the node workers, read by the nodes downstream and by the thread that starts them.
        Map<PortRef, PortValue> values = new ConcurrentHashMap<>();
        this.computed = values;
        Map<String, String> failedRoot = new ConcurrentHashMap<>();
        try {
            runAsReady(graph, exports, order, validation, values, failedRoot, concurrentNodes);
        } finally {
            // However the run ends: a warm engine runs run after run, and what one kept must not outlive it.
            tables.release();
        }
        // Before the end is reported: the next run of the experiment may start as soon as it is.
        reuse.writeFingerprints(order);
        if (cancelled.getAsBoolean()) {
            skipTheRest(order);
            return;
        }
        List<String> failed = order.stream().filter(id -> reporter.state(id) == NodeState.FAILED).toList();
        if (failed.isEmpty()) {
            reporter.finish(RunState.SUCCEEDED, scope.whole() ? "All " + order.size() + " nodes succeeded"
                    : "The " + scope.describe() + " succeeded: " + count(RunScope.Role.RUN) + " of "
                    + order.size() + " nodes in it");
        } else if (failed.size() == 1) {
            reporter.finish(RunState.FAILED, "Node '" + failed.getFirst() + "' failed: "
                    + reporter.message(failed.getFirst()));
        } else {
            reporter.finish(RunState.FAILED, failed.size() + " nodes failed: "
                    + failed.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")));
        }
    }

    /**
     * Runs the nodes, each as soon as the nodes it depends on have ended and a worker is free ({@link NodeWorkers}),
     * until they are done or the run is cancelled. A node that fails does not stop the others: what depends on it is
     * skipped, independent branches (under way or not) still run.
     */
    private void runAsReady(GraphIndex graph, PmmlExports exports, List<String> order, ValidationResult validation,
            Map<PortRef, PortValue> values, Map<String, String> failedRoot, int concurrentNodes) {
        try (NodeWorkers workers = new NodeWorkers(spark, layout.runId(), concurrentNodes)) {
            workers.run(order, id -> graph.edgesInto(id).stream().map(e -> e.from().node()).toList(), cancelled,
                    id -> start(graph, exports, id, validation, values, failedRoot));
        }
    }

    /**
     * Takes a node whose upstream nodes have ended: the work that runs it, or empty when it does not run (outside the
     * scope, an upstream node failed or has no outputs), which is reported here.
     */
    private Optional<Runnable> start(GraphIndex graph, PmmlExports exports, String id, ValidationResult validation,
            Map<PortRef, PortValue> values, Map<String, String> failedRoot) {
        if (roles.get(id) == RunScope.Role.OUTSIDE) {
            reporter.node(id, NodeState.NOT_IN_RUN, null);
            return Optional.empty();
        }
        Node node = graph.node(id).orElseThrow();
        Optional<String> blocker = graph.edgesInto(id).stream()
                .map(e -> e.from().node())
                .filter(upstream -> reporter.state(upstream) != NodeState.SUCCEEDED)
                .findFirst();
        if (blocker.isPresent() && reporter.state(blocker.get()) == NodeState.NOT_IN_RUN) {
            refuseWithoutInput(id, blocker.get(), failedRoot);
            return Optional.empty();
        }
        if (blocker.isPresent()) {
            String root = failedRoot.getOrDefault(blocker.get(), blocker.get());
            failedRoot.put(id, root);
            reporter.node(id, NodeState.SKIPPED, "Not run: upstream node '" + root + "' failed");
            return Optional.empty();
        }
        return Optional.of(() -> {
            if (!runNode(graph, exports, node, validation, values)) {
                failedRoot.put(id, id);
            }
        });
    }

    /**
     * A node whose input comes from a node outside the scope that has no stored outputs for its current settings:
     * a node of the scope fails with the reason and what to do, a node that would only have fed it is not in the run.
     */
    private void refuseWithoutInput(String id, String upstream, Map<String, String> failedRoot) {
        String why = missingInputs.getOrDefault(upstream, "it is not in the run");
        if (roles.get(id) == RunScope.Role.INPUT) {
            missingInput(id, "its input from node '" + upstream + "' has none");
            return;
        }
        failedRoot.put(id, id);
        reporter.node(id, NodeState.FAILED, "Not run: its input comes from node '" + upstream + "', which is not "
                + "in this " + scope.describe() + " and has no stored outputs for its current settings (" + why
                + "). Run to here on '" + upstream + "' first, or run all");
    }

    /** A node that only feeds the scope has no stored outputs to feed it with. */
    private void missingInput(String id, String why) {
        missingInputs.put(id, why);
        reporter.node(id, NodeState.NOT_IN_RUN, "No stored outputs for its current settings: " + why);
    }

    private long count(RunScope.Role role) {
        return roles.values().stream().filter(role::equals).count();
    }

    /** The run was cancelled: the nodes that have not ended are skipped, and the run ends as cancelled. */
    private void skipTheRest(List<String> order) {
        for (String id : order) {
            if (!reporter.state(id).isFinal()) {
                reporter.node(id, NodeState.SKIPPED, "Not run: the run was cancelled");
            }
        }
        reporter.finish(RunState.CANCELLED, "Cancelled");
    }

    /** Runs one node and reports it; returns whether it succeeded. */
    private boolean runNode(GraphIndex graph, PmmlExports exports, Node node, ValidationResult validation,
            Map<PortRef, PortValue> values) {
        String id = node.id();
        reporter.node(id, NodeState.RUNNING, null);
        spark.sparkContext().setJobGroup("easel-node-" + id, "Node " + id + " (" + node.component() + ")", false);
        // The node's log lines and Spark jobs carry its id from here (its log, its progress).
        LogTags.Scope tagged = LogTags.node(spark.sparkContext(), id);
        LOG.info("Node '{}' ({}) started", id, node.component());
        NodeReuse.Decision decision = null;
        try {
            SparkComponent component = registry.byId(node.component());
            ComponentDescriptor descriptor = component.descriptor();
            Map<String, PortValue> inputs = inputs(graph, node, descriptor, values);
            Map<String, PortSpec> inputSpecs = new LinkedHashMap<>();
            Map<String, ComponentDescriptor> learners = new LinkedHashMap<>();
            inputs.forEach((port, value) -> {
                inputSpecs.put(port, value.spec());
                if (value instanceof PortValue.Model model && model.trainer() != null) {
                    learners.put(model.trainer().componentId(), model.trainer().component());
                }
            });
            // Bound against the real inputs' specs (a stored model is not loaded for it): execute gets present,
            // in-range values naming existing columns.
            BoundParams params = InputSpecs.bind(descriptor, node.params(), inputSpecs, learners);
            boolean inputOnly = roles.get(id) == RunScope.Role.INPUT;
            decision = reuse.decide(graph, node, component, params, inputOnly);
            if (decision.reused().isEmpty() && inputOnly) {
                missingInput(id, decision.rerunReason() == null ? "it has not run with them"
                        : decision.rerunReason());
                return false;
            }
            if (decision.reused().isPresent()) {
                return reuseOutputs(node, descriptor, exports, decision.reused().get(), values);
            }
            NodeContext context = new NodeContext(spark, node, descriptor, params, inputs, data);
            long start = System.nanoTime();
            component.execute(context);
            Map<String, PortValue> outputs = context.outputs();
            // Every output is checked before any is written, so a failed node leaves nothing behind.
            Map<String, Optional<PortSpec>> promised = new LinkedHashMap<>();
            outputs.forEach((name, value) -> {
                Port port = descriptor.output(name).orElseThrow();
                Optional<PortSpec> spec = validation.spec(id, name)
                        .or(() -> Optional.ofNullable(descriptor.inferOutputs(params, inputSpecs).get(name)));
                checkSchema(node, descriptor, port, value, spec);
                promised.put(name, spec);
            });
            List<RunEvent> events = new ArrayList<>();
            Map<String, PortValue> published = new LinkedHashMap<>();
            for (Map.Entry<String, PortValue> output : outputs.entrySet()) {
                Port port = descriptor.output(output.getKey()).orElseThrow();
                boolean exported = exports.exported(new PortRef(id, port.name()));
                published.put(port.name(), publish(node, descriptor, new Output(port, exported, null),
                        output.getValue(), promised.get(port.name()), events));
            }
            events.forEach(reporter::report);
            published.forEach((port, value) -> values.put(new PortRef(id, port), value));
            reuse.keep(node, decision, descriptor, published, results(events));
            reporter.node(id, NodeState.SUCCEEDED, null, null, decision.rerunReason());
            LOG.info("Node '{}' ({}) succeeded in {} ms", id, node.component(),
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (Exception | LinkageError | StackOverflowError e) {
            if (cancelled.getAsBoolean()) {
                LOG.info("Node '{}' ({}) stopped: the run was cancelled", id, node.component());
                reporter.node(id, NodeState.SKIPPED, "Stopped: the run was cancelled");
                return false;
            }
            String message = FailureMessage.of(e);
            LOG.error("Node '{}' ({}) failed: {}", id, node.component(), message, e);
            reporter.node(id, NodeState.FAILED, message, null,
                    decision == null ? null : decision.rerunReason());
            return false;
        } finally {
            spark.sparkContext().clearJobGroup();
            tagged.close();
        }
    }

    /**
     * Reports a node whose outputs an earlier run computed: they were loaded from the cache (a model only when a node
     * that runs needs it), their models exported to PMML again for this run.
     */
    private boolean reuseOutputs(Node node, ComponentDescriptor descriptor, PmmlExports exports,
            OutputCache.Found found, Map<PortRef, PortValue> values) throws Exception {
        List<RunEvent> events = new ArrayList<>();
        Map<String, PortValue> published = new LinkedHashMap<>();
        for (OutputCache.Output output : found.outputs()) {
            Port port = output.port();
            boolean exported = exports.exported(new PortRef(node.id(), port.name()));
            published.put(port.name(), publish(node, descriptor, new Output(port, exported, output.result()),
                    PortValue.of(output.data()), Optional.empty(), events));
        }
        events.forEach(reporter::report);
        published.forEach((port, value) -> values.put(new PortRef(node.id(), port), value));
        reporter.node(node.id(), NodeState.SUCCEEDED, null, found.runId(), null);
        LOG.info("Node '{}' ({}) reused the outputs of run {}", node.id(), node.component(), found.runId());
        return true;
    }

    /**
     * A model's node and every node upstream of it, in the run's order, as the run computed them (a node reused from
     * an earlier run counts with the fingerprint that found its outputs).
     */
    private List<ModelLineage.Step> lineage(String modelNode) {
        Set<String> upstream = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(modelNode));
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (upstream.add(id)) {
                graphIndex.edgesInto(id).forEach(edge -> pending.push(edge.from().node()));
            }
        }
        return order.stream().filter(upstream::contains).map(reuse::lineageStep).flatMap(Optional::stream).toList();
    }

    private static Map<String, PortResult> results(List<RunEvent> events) {
        Map<String, PortResult> results = new LinkedHashMap<>();
        events.stream().filter(RunEvent.NodeOutput.class::isInstance).map(RunEvent.NodeOutput.class::cast)
                .forEach(output -> results.put(output.port(), output.result()));
        return results;
    }

    /**
     * An output port, whether its model is exported to PMML in this graph, and for an output an earlier run computed,
     * what that run reported about it (null otherwise).
     */
    private record Output(Port port, boolean exportsPmml, PortResult stored) {}

    /** Writes or exports one output and adds what the node reports about it to {@code events}. */
    private PortValue publish(Node node, ComponentDescriptor descriptor, Output output, PortValue value,
            Optional<PortSpec> inferred, List<RunEvent> events) throws Exception {
        long now = System.currentTimeMillis();
        Port port = output.port();
        return switch (value) {
            case PortValue.Table t when output.stored() != null -> {
                // A small reused table is kept in memory too, as this run would have kept it had it computed it.
                PortResult.TableStorage written = output.stored().storage();
                PortResult reported = written == null ? output.stored()
                        : output.stored().withStorage(tables.reuse(t.data(), written));
                events.add(new RunEvent.NodeOutput(node.id(), port.name(), reported, now));
                yield t;
            }
            case PortValue.Report r when output.stored() != null -> {
                events.add(new RunEvent.NodeOutput(node.id(), port.name(), output.stored(), now));
                yield r;
            }
            case PortValue.Table t -> {
                TablePublisher.Published published = tables.publish(t.data(), layout.tableOutput(node.id(),
                        port.name()));
                events.add(new RunEvent.NodeOutput(node.id(), port.name(), published.result(), now));
                yield new PortValue.Table(published.table());
            }
            case PortValue.Model m -> {
                publishModel(node, descriptor, output, m, events, now);
                yield m;
            }
            case PortValue.Report r -> {
                PortSpec spec = inferred.filter(ReportSpec.class::isInstance)
                        .orElseGet(() -> InputSpecs.of(r.data()));
                events.add(new RunEvent.NodeOutput(node.id(), port.name(), new PortResult(spec, null, null,
                        r.data().metrics(), r.data().charts(), null), now));
                yield r;
            }
        };
    }

    /**
     * Reports a model and exports it to PMML. A model an earlier run exported gets that run's PMML, copied (the same
     * fitted pipeline converts to the same PMML, and its parity check and training profile were computed from the
     * same rows), so that reusing it neither loads nor converts it; it is converted only when there is nothing to
     * copy.
     */
    private void publishModel(Node node, ComponentDescriptor descriptor, Output output, PortValue.Model model,
            List<RunEvent> events, long now) throws Exception {
        Port port = output.port();
        Map<String, Object> facts = output.stored() != null ? output.stored().metrics() : model.data().metrics();
        // A model with no PMML form (a step upstream without one, a raw vector input) is still a model: it is kept,
        // with the reason among its facts (ModelData.NOT_EXPORTED_FACT), and not exported.
        if (!output.exportsPmml() || facts.containsKey(ModelData.NOT_EXPORTED_FACT)) {
            events.add(new RunEvent.NodeOutput(node.id(), port.name(), new PortResult(model.spec(), null, null, facts,
                    null, null), now));
            return;
        }
        boolean onlyModelPort = descriptor.outputs().stream().filter(p -> p.type() == PortType.MODEL)
                .filter(PmmlExports::mayExport).count() == 1;
        Path directory = layout.modelDirectory(node.id(), port.name(), onlyModelPort);
        List<ModelLineage.Step> lineage = lineage(node.id());
        Optional<RunEvent.ModelExported> copied = output.stored() == null || output.stored().location() == null
                ? Optional.empty()
                : models.copy(new PmmlExporter.Copy(layout.runId(), node.id(), port.name(),
                        new Path(output.stored().location()), directory, lineage));
        RunEvent.ModelExported exported = copied.orElseGet(() -> models.export(new PmmlExporter.Request(
                layout.runId(), node.id(), port.name(), model.data(), directory, lineage,
                RawRows.heldOut(model.data(), lineage, computed), RawRows.trainedOn(model.data(), lineage,
                        computed))));
        events.add(new RunEvent.NodeOutput(node.id(), port.name(), new PortResult(model.spec(), null, null, facts,
                null, exported.uri()), now));
        events.add(exported);
    }

    /**
     * A table whose columns differ from what the schema rule promised means the rule is wrong; downstream nodes
     * were validated against the promise, so the node fails rather than feed them something else.
     */
    private static void checkSchema(Node node, ComponentDescriptor descriptor, Port port, PortValue value,
            Optional<PortSpec> inferred) {
        if (!(value instanceof PortValue.Table table) || inferred.isEmpty()
                || !(inferred.get() instanceof TableSpec promised)) {
            return;
        }
        TableSpec actual = SparkTypes.fromSchema(table.data().rows().schema());
        if (!actual.equals(promised)) {
            throw new IllegalStateException("Output '" + port.name() + "' of node '" + node.id() + "' ("
                    + descriptor.id() + ") has columns [" + actual.format() + "] but the component's schema rule "
                    + "inferred [" + promised.format() + "]; the schema rule is wrong");
        }
    }

    private static Map<String, PortValue> inputs(GraphIndex graph, Node node, ComponentDescriptor descriptor,
            Map<PortRef, PortValue> values) {
        Map<String, PortValue> inputs = new HashMap<>();
        for (Port port : descriptor.inputs()) {
            graph.edgeInto(new PortRef(node.id(), port.name()))
                    .map(Edge::from)
                    .map(values::get)
                    .ifPresent(value -> inputs.put(port.name(), value));
        }
        return inputs;
    }

    private static String describe(Exception e) {
        return e instanceof JsonProcessingException j
                ? j.getOriginalMessage() + (j.getLocation() == null ? ""
                        : " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")")
                : FailureMessage.of(e);
    }
}
