package io.easel.graph;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamBinder;
import io.easel.component.ParamDef;
import io.easel.component.ParamType;
import io.easel.component.ParamProblem;
import io.easel.component.Port;
import io.easel.component.PortSpec;
import io.easel.component.PortType;
import io.easel.graph.ValidationError.Code;
import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a graph against the catalog and infers every port spec, without running anything. Inference is a fold over
 * the nodes in dependency order, each output spec computed by its port's {@link SchemaRule} from the specs flowing in
 * (as Spark's {@code Pipeline.transformSchema} folds over stages). The server runs this before saving a runnable
 * experiment; the engine runs it again before executing one.
 */
public final class GraphValidator {

    /** Nodes of a cycle named in each of its errors; the others are counted. */
    private static final int CYCLE_NODES_NAMED = 10;

    private final Catalog catalog;
    private final DataRoots dataRoots;
    private final GraphLimits limits;
    private final Set<String> connections;
    private final DatabaseColumns databaseColumns;

    /** A validator that leaves path params to the engine, which checks them against its data roots as it reads. */
    public GraphValidator(Catalog catalog) {
        this(catalog, null, GraphLimits.DEFAULT);
    }

    /** @param dataRoots where path params may point ({@link Code#PATH_NOT_ALLOWED} otherwise); null to not check */
    public GraphValidator(Catalog catalog, DataRoots dataRoots) {
        this(catalog, dataRoots, GraphLimits.DEFAULT);
    }

    /** @param limits how large a graph may be ({@link Code#GRAPH_TOO_LARGE} otherwise) */
    public GraphValidator(Catalog catalog, DataRoots dataRoots, GraphLimits limits) {
        this(catalog, dataRoots, limits, null);
    }

    /**
     * @param connections the names of the database connections connection params may name
     *     ({@link Code#UNKNOWN_CONNECTION} otherwise); null to not check
     */
    public GraphValidator(Catalog catalog, DataRoots dataRoots, GraphLimits limits, Set<String> connections) {
        this(catalog, dataRoots, limits, connections, null);
    }

    private GraphValidator(Catalog catalog, DataRoots dataRoots, GraphLimits limits, Set<String> connections,
            DatabaseColumns databaseColumns) {
        this.catalog = catalog;
        this.dataRoots = dataRoots;
        this.limits = limits;
        this.connections = connections == null ? null : new TreeSet<>(connections);
        this.databaseColumns = databaseColumns;
    }

    /**
     * The same checks for one workspace's graphs: path params checked against {@code roots} (with its uploads), and
     * connection params against the connections it may use.
     */
    public GraphValidator forWorkspace(DataRoots roots, Set<String> workspaceConnections) {
        return new GraphValidator(catalog, roots, limits, workspaceConnections);
    }

    /**
     * The same checks as {@link #forWorkspace(DataRoots, Set)}, and the columns of each database source (a table or a
     * query through one of {@code workspaceConnections}) asked of its database; a database that cannot answer is a
     * {@link Code#DATABASE_UNREADABLE} error on the node's table or query param.
     */
    public GraphValidator forWorkspace(DataRoots roots, Set<String> workspaceConnections, DatabaseColumns columns) {
        return new GraphValidator(catalog, roots, limits, workspaceConnections, columns);
    }

    /** Validates in time linear in the graph's size (nodes, edges, params and the columns flowing through them). */
    public ValidationResult validate(ExperimentGraph graph) {
        List<ValidationError> errors = new ArrayList<>();
        if (graph.formatVersion() != ExperimentGraph.FORMAT_VERSION) {
            errors.add(new ValidationError(null, null, null, Code.UNSUPPORTED_FORMAT,
                    "Experiment format version " + graph.formatVersion() + " is not supported (expected "
                            + ExperimentGraph.FORMAT_VERSION + ")"));
            return new ValidationResult(errors, Map.of());
        }
        if (graph.nodes().size() > limits.maxNodes() || graph.edges().size() > limits.maxEdges()) {
            errors.add(new ValidationError(null, null, null, Code.GRAPH_TOO_LARGE, "The experiment has "
                    + graph.nodes().size() + " nodes and " + graph.edges().size() + " edges; at most "
                    + limits.maxNodes() + " nodes and " + limits.maxEdges() + " edges are allowed"));
            return new ValidationResult(errors, Map.of());
        }
        GraphIndex index = GraphIndex.of(graph);
        Map<String, ComponentDescriptor> components = checkNodes(graph, errors);
        Set<Edge> usableEdges = checkEdges(graph, index, components, errors);
        List<String> order = TopologicalOrder.of(graph);
        checkCycles(graph, order, errors);
        Map<String, Map<String, PortSpec>> specs = new LinkedHashMap<>();
        for (String nodeId : order) {
            Node node = index.node(nodeId).orElseThrow();
            ComponentDescriptor component = components.get(nodeId);
            if (component == null) {
                continue;
            }
            Map<String, PortSpec> inputs = inputSpecs(index, node, component, usableEdges, specs);
            ParamBinder.Binding binding = component.bind(node.params(), inputs, catalog::find);
            String where = "Node '" + node.id() + "' (" + component.id() + ")";
            for (ParamProblem problem : binding.problems()) {
                errors.add(new ValidationError(node.id(), problem.param(), problem.port(),
                        Code.valueOf(problem.kind().name()), where + ": " + problem.message()));
            }
            checkInputsConnected(index, node, component, errors);
            checkDataPaths(node, component, where, errors);
            checkConnections(node, component, where, errors);
            specs.put(nodeId, withDatabaseColumns(node, component, component.inferOutputs(binding.params(), inputs),
                    where, errors));
        }
        return new ValidationResult(errors, specs);
    }

    /**
     * A database source's output, whose columns its schema rule leaves unknown, with the columns its database says
     * the table or query has; unchanged for other nodes, without a {@link DatabaseColumns}, and while the connection
     * is unknown or the node gives neither or both of table and query (errors said elsewhere).
     */
    private Map<String, PortSpec> withDatabaseColumns(Node node, ComponentDescriptor component,
            Map<String, PortSpec> outputs, String where, List<ValidationError> errors) {
        if (databaseColumns == null || connections == null || !component.inputs().isEmpty()
                || component.outputs().size() != 1 || component.param(DatabaseColumns.TABLE_PARAM).isEmpty()
                || component.param(DatabaseColumns.QUERY_PARAM).isEmpty()) {
            return outputs;
        }
        Port out = component.outputs().getFirst();
        Optional<String> connection = component.params().stream()
                .flatMap(def -> NamedConnections.of(node, def).stream()).findFirst();
        String table = givenText(node, DatabaseColumns.TABLE_PARAM);
        String query = givenText(node, DatabaseColumns.QUERY_PARAM);
        if (out.type() != PortType.TABLE || outputs.containsKey(out.name()) || connection.isEmpty()
                || !connections.contains(connection.get()) || (table == null) == (query == null)) {
            return outputs;
        }
        String param = table != null ? DatabaseColumns.TABLE_PARAM : DatabaseColumns.QUERY_PARAM;
        try {
            Map<String, PortSpec> known = new LinkedHashMap<>(outputs);
            known.put(out.name(), databaseColumns.columns(connection.get(), table, query));
            return known;
        } catch (IllegalArgumentException unreadable) {
            errors.add(new ValidationError(node.id(), param, null, Code.DATABASE_UNREADABLE,
                    where + ": param '" + param + "': " + unreadable.getMessage()));
            return outputs;
        }
    }

    private static String givenText(Node node, String param) {
        return node.params().get(param) instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    /** One error per node on a cycle (or downstream of one), naming a few of them: a cycle may be long. */
    private static void checkCycles(ExperimentGraph graph, List<String> order, List<ValidationError> errors) {
        Set<String> ordered = new HashSet<>(order);
        List<String> inCycle = graph.nodes().stream().map(Node::id).filter(id -> !ordered.contains(id))
                .distinct().sorted().toList();
        if (inCycle.isEmpty()) {
            return;
        }
        String named = inCycle.size() <= CYCLE_NODES_NAMED ? inCycle.toString()
                : inCycle.subList(0, CYCLE_NODES_NAMED) + " and " + (inCycle.size() - CYCLE_NODES_NAMED) + " more";
        for (String id : inCycle) {
            errors.add(new ValidationError(id, null, null, Code.CYCLE,
                    "Node '" + id + "' is part of a cycle (nodes " + named + "); an experiment must flow one way"));
        }
    }

    private Map<String, ComponentDescriptor> checkNodes(ExperimentGraph graph, List<ValidationError> errors) {
        Map<String, ComponentDescriptor> components = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Node node : graph.nodes()) {
            if (!ids.add(node.id())) {
                errors.add(new ValidationError(node.id(), null, null, Code.DUPLICATE_NODE,
                        "Two nodes have the id '" + node.id() + "'"));
                continue;
            }
            Optional<ComponentDescriptor> component = catalog.find(node.component());
            if (node.version() < 1) {
                errors.add(new ValidationError(node.id(), null, null, Code.UNSUPPORTED_VERSION,
                        "Node '" + node.id() + "' names version " + node.version() + " of '" + node.component()
                                + "'; component versions start at 1 (leave 'version' out for 1)"));
            } else if (component.isEmpty()) {
                errors.add(new ValidationError(node.id(), null, null, Code.UNKNOWN_COMPONENT,
                        "Node '" + node.id() + "' uses unknown component '" + node.component() + "'"));
            } else if (node.version() > component.get().version()) {
                errors.add(new ValidationError(node.id(), null, null, Code.UNSUPPORTED_VERSION,
                        "Node '" + node.id() + "' was saved by version " + node.version() + " of '"
                                + node.component() + "', newer than this Easel's version "
                                + component.get().version()));
            } else {
                components.put(node.id(), component.get());
            }
        }
        return components;
    }

    /** Checks each edge; returns those that connect existing, compatible ports. */
    private Set<Edge> checkEdges(ExperimentGraph graph, GraphIndex index, Map<String, ComponentDescriptor> components,
            List<ValidationError> errors) {
        Set<Edge> usable = new HashSet<>();
        Map<PortRef, Integer> inputsPerPort = new HashMap<>();
        for (Edge edge : graph.edges()) {
            inputsPerPort.merge(edge.to(), 1, Integer::sum);
            if (!index.hasNode(edge.from().node()) || !index.hasNode(edge.to().node())) {
                String missing = !index.hasNode(edge.from().node()) ? edge.from().node() : edge.to().node();
                errors.add(new ValidationError(null, null, null, Code.UNKNOWN_NODE,
                        "Edge " + edge.from() + " → " + edge.to() + " refers to missing node '" + missing + "'"));
                continue;
            }
            ComponentDescriptor source = components.get(edge.from().node());
            ComponentDescriptor target = components.get(edge.to().node());
            if (source == null || target == null) {
                continue;
            }
            Optional<Port> out = source.output(edge.from().port());
            Optional<Port> in = target.input(edge.to().port());
            if (out.isEmpty()) {
                errors.add(new ValidationError(edge.from().node(), null, edge.from().port(), Code.UNKNOWN_PORT,
                        "Node '" + edge.from().node() + "' (" + source.id() + ") has no output port '"
                                + edge.from().port() + "'"));
            }
            if (in.isEmpty()) {
                errors.add(new ValidationError(edge.to().node(), null, edge.to().port(), Code.UNKNOWN_PORT,
                        "Node '" + edge.to().node() + "' (" + target.id() + ") has no input port '"
                                + edge.to().port() + "'"));
            }
            if (out.isEmpty() || in.isEmpty()) {
                continue;
            }
            if (out.get().type() != in.get().type()) {
                errors.add(new ValidationError(edge.to().node(), null, edge.to().port(), Code.INCOMPATIBLE_PORTS,
                        "Node '" + edge.to().node() + "': input '" + in.get().name() + "' takes a "
                                + in.get().type().jsonName() + " but '" + edge.from().node() + "."
                                + out.get().name() + "' gives a " + out.get().type().jsonName()));
                continue;
            }
            usable.add(edge);
        }
        inputsPerPort.forEach((port, count) -> {
            if (count > 1) {
                errors.add(new ValidationError(port.node(), null, port.port(), Code.PORT_HAS_TWO_INPUTS,
                        "Node '" + port.node() + "': input '" + port.port() + "' has " + count
                                + " incoming edges; an input takes one"));
            }
        });
        return usable;
    }

    private static Map<String, PortSpec> inputSpecs(GraphIndex index, Node node,
            ComponentDescriptor component, Set<Edge> usableEdges, Map<String, Map<String, PortSpec>> specs) {
        Map<String, PortSpec> inputs = new HashMap<>();
        for (Port port : component.inputs()) {
            index.edgeInto(new PortRef(node.id(), port.name()))
                    .filter(usableEdges::contains)
                    .map(edge -> specs.getOrDefault(edge.from().node(), Map.of()).get(edge.from().port()))
                    .ifPresent(spec -> inputs.put(port.name(), spec));
        }
        return inputs;
    }

    private void checkDataPaths(Node node, ComponentDescriptor component, String where,
            List<ValidationError> errors) {
        if (dataRoots == null) {
            return;
        }
        for (ParamDef def : component.params()) {
            boolean output = def.type() == ParamType.OUTPUT_PATH;
            if ((def.type() == ParamType.PATH || output) && node.params().get(def.name()) instanceof String path
                    && !path.isBlank()) {
                try {
                    if (output) {
                        dataRoots.resolveWritable(path);
                    } else if (isMissingUpload(path, dataRoots.resolve(path))) {
                        errors.add(new ValidationError(node.id(), def.name(), null, Code.UPLOAD_NOT_FOUND,
                                where + ": param '" + def.name() + "': there is no upload '"
                                        + path.strip().substring(DataRoots.UPLOADS.length()).replaceFirst("^/", "")
                                        + "' in this workspace; upload the file first, or choose one of the "
                                        + "workspace's uploads"));
                    }
                } catch (IllegalArgumentException refused) {
                    errors.add(new ValidationError(node.id(), def.name(), null, Code.PATH_NOT_ALLOWED,
                            where + ": param '" + def.name() + "': " + refused.getMessage()));
                }
            }
        }
    }

    /** An upload is a local file named exactly (no pattern), so whether it is there can be told before a run. */
    private boolean isMissingUpload(String path, DataRoots.Location location) {
        DataRoots.Location own = dataRoots.uploads();
        if (!DataRoots.isUpload(path) || own == null || !own.isLocal() || !own.contains(location)
                || location.segments().stream().anyMatch(s -> s.contains("*") || s.contains("?"))) {
            return false;
        }
        return !Files.exists(Path.of(location.path()));
    }

    private void checkConnections(Node node, ComponentDescriptor component, String where,
            List<ValidationError> errors) {
        if (connections == null) {
            return;
        }
        for (ParamDef def : component.params()) {
            NamedConnections.of(node, def).filter(name -> !connections.contains(name)).ifPresent(name ->
                    errors.add(new ValidationError(node.id(), def.name(), null, Code.UNKNOWN_CONNECTION,
                            where + ": param '" + def.name() + "': " + JdbcConnections.unknown(name, connections))));
        }
    }

    private static void checkInputsConnected(GraphIndex index, Node node, ComponentDescriptor component,
            List<ValidationError> errors) {
        for (Port port : component.inputs()) {
            if (!port.optional() && index.edgeInto(new PortRef(node.id(), port.name())).isEmpty()) {
                errors.add(new ValidationError(node.id(), null, port.name(), Code.MISSING_INPUT,
                        "Node '" + node.id() + "' (" + component.id() + "): input '" + port.name()
                                + "' is not connected"));
            }
        }
    }
}
