package io.easel.studio.canvas;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.run.NodeState;
import io.easel.run.RunScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The experiment canvas: a palette of the catalog's components beside an AntV X6 graph where the user places nodes
 * and wires ports. The canvas refuses edges between different port types, a second edge into an input and cycles.
 *
 * <p>The graph handed to {@link #addGraphChangeListener} listeners is the last one given to {@link #setGraph} with the
 * user's canvas edits applied: nodes added (id {@code <componentId>-<n>}, the catalog's current component version, no
 * params), pasted or duplicated (with the params and label of the copied node), moved, renamed or deleted, edges
 * added or removed, and undo/redo of any of these. Call {@link #setGraph} whenever params or labels change elsewhere
 * (a settings form) of several nodes, or {@link #updateNode} for one: a graph with the nodes and edges already drawn
 * only updates labels and params, and the browser records that change as one step of its undo history, so Ctrl+Z
 * reverts a param edit like a graph edit (the listeners then get the graph with the old params). Positions on the
 * canvas stay (if those differ from the graph's, the listeners get the graph with the canvas's positions). Comments
 * (the graph's notes) are added, written, moved and deleted on the canvas alone.
 *
 * <p>All setters may be called before the component is attached; the state is sent when it is.
 */
@Tag("easel-canvas")
@JsModule("./easel/easel-canvas.ts")
@NpmPackage(value = "@antv/x6", version = "3.1.8")
public class ExperimentCanvas extends Component implements HasSize {

    private static final Logger log = LoggerFactory.getLogger(ExperimentCanvas.class);

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Catalog catalog;
    private Locale locale = Locale.ENGLISH;
    private ExperimentGraph graph = ExperimentGraph.empty();
    /** Every node seen, by id, so an undo on the client that restores a deleted node also restores its params. */
    private final Map<String, Node> knownNodes = new HashMap<>();
    private final Map<String, NodeStatus> states = new LinkedHashMap<>();
    private List<ValidationError> errors = List.of();
    private String selectedNodeId;
    private final List<Consumer<ExperimentGraph>> graphListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<String>>> selectionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> viewOutputListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RunScope>> runScopeListeners = new CopyOnWriteArrayList<>();
    private Map<String, String> stale = Map.of();

    private record NodeStatus(String state, String message) {}

    /** A running node's share of tasks done (-1 while unknown) and its progress line ("42 % · 12 s"). */
    private record NodeProgress(double fraction, String text) {}

    private final Map<String, NodeProgress> progress = new LinkedHashMap<>();

    public ExperimentCanvas() {
        addAttachListener(event -> sendAll());
    }

    /** The components offered, with titles, descriptions and port names in {@code locale}. */
    public void setPalette(Catalog catalog, Locale locale) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.locale = locale == null ? Locale.ENGLISH : locale;
        call("setPalette", paletteJson());
    }

    /** Draws {@code graph}; does not notify graph change listeners. */
    public void setGraph(ExperimentGraph graph) {
        this.graph = graph == null ? ExperimentGraph.empty() : graph;
        this.graph.nodes().forEach(n -> knownNodes.put(n.id(), n));
        call("setGraph", write(CanvasGraph.of(this.graph)));
    }

    /**
     * Shows a node's new label and params, as a settings form changed them: only that node is touched, so canvas edits
     * the server has not heard of yet (an edge drawn a moment ago) stay. The browser records the change as one step of
     * its undo history. Does nothing for a node the graph does not hold; does not notify graph change listeners.
     */
    public void updateNode(Node node) {
        Objects.requireNonNull(node, "node");
        if (graph.node(node.id()).isEmpty()) {
            return;
        }
        graph = graph.withNode(node);
        knownNodes.put(node.id(), node);
        call("setNodeSettings", node.id(), node.label(), write(node.params()));
    }

    /** The graph as last set or edited. */
    public ExperimentGraph getGraph() {
        return graph;
    }

    /**
     * Shows a node's run state (colour, icon and {@code data-state} attribute); {@code message} appears as its
     * tooltip. A null state removes it.
     */
    public void setNodeState(String nodeId, NodeState state, String message) {
        Objects.requireNonNull(nodeId, "nodeId");
        if (state == null) {
            states.remove(nodeId);
        } else {
            states.put(nodeId, new NodeStatus(state.jsonName(), message));
        }
        call("setNodeState", nodeId, state == null ? null : state.jsonName(), message);
    }

    /**
     * Marks the nodes whose last outputs are out of date (a badge of their own colour), with what changed in their
     * tooltip; an empty map clears the marks.
     *
     * @param reasons what changed since its last run, by node id
     */
    public void setStaleNodes(Map<String, String> reasons) {
        this.stale = Map.copyOf(reasons);
        call("setStaleNodes", write(stale));
    }

    /**
     * Shows how far a running node has got: a bar along its bottom edge filled to {@code fraction} (in [0, 1]; null
     * while its tasks are not known: no bar) and {@code text} in its tooltip. A null text removes both.
     */
    public void setNodeProgress(String nodeId, Double fraction, String text) {
        Objects.requireNonNull(nodeId, "nodeId");
        NodeProgress shown = text == null ? null : new NodeProgress(fraction == null ? -1 : fraction, text);
        if (Objects.equals(shown, progress.get(nodeId))) {
            return; // most pushes change nothing on most nodes
        }
        if (shown == null) {
            progress.remove(nodeId);
            call("setNodeProgress", nodeId, -1, null);
        } else {
            progress.put(nodeId, shown);
            call("setNodeProgress", nodeId, shown.fraction(), shown.text());
        }
    }

    public void clearNodeStates() {
        progress.clear();
        states.clear();
        call("clearNodeStates");
    }

    /**
     * Marks the nodes named by {@code errors} with a red outline and lists the messages in their tooltip; errors of
     * no node (or of a node not drawn) appear in a banner over the canvas. An empty list clears all marks.
     */
    public void setValidationErrors(List<ValidationError> errors) {
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        call("setValidationErrors", write(this.errors));
    }

    /** How a node differs between two revisions, as the canvas marks it. */
    public enum DiffMark {
        ADDED, REMOVED, CHANGED
    }

    /**
     * Marks nodes of the graph shown (added green, removed red and ghosted, changed amber); an empty map clears the
     * marks. Marks belong to the graph shown: set them again after {@link #setGraph}.
     */
    public void markNodes(Map<String, DiffMark> marks) {
        Map<String, String> json = new LinkedHashMap<>();
        marks.forEach((id, mark) -> json.put(id, mark.name().toLowerCase(java.util.Locale.ROOT)));
        call("markNodes", write(json));
    }

    /** Selects one node (null: none); does not notify selection listeners. */
    public void selectNode(String nodeId) {
        this.selectedNodeId = nodeId;
        call("selectNode", nodeId);
    }

    public Optional<String> getSelectedNodeId() {
        return Optional.ofNullable(selectedNodeId);
    }

    /** Called after each user edit of the graph (debounced in the browser), with the whole edited graph. */
    public Registration addGraphChangeListener(Consumer<ExperimentGraph> listener) {
        graphListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> graphListeners.remove(listener);
    }

    /** Called when the user selects exactly one node (its id) or anything else (empty). */
    public Registration addNodeSelectionListener(Consumer<Optional<String>> listener) {
        selectionListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> selectionListeners.remove(listener);
    }

    /** Called with a node's id when the user asks to see its output (the node's context menu). */
    public Registration addViewOutputListener(Consumer<String> listener) {
        viewOutputListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> viewOutputListeners.remove(listener);
    }

    /**
     * Called when the user asks, from a node's context menu, to run part of the graph: the node alone ("run this
     * node"), it and what is downstream ("run from here"), or it and what it needs upstream ("run to here").
     */
    public Registration addRunScopeListener(Consumer<RunScope> listener) {
        runScopeListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> runScopeListeners.remove(listener);
    }

    @ClientCallable
    private void nodeCommand(String command, String nodeId) {
        if (command == null || nodeId == null || graph.node(nodeId).isEmpty()) {
            return;
        }
        switch (command) {
            case "output" -> viewOutputListeners.forEach(listener -> listener.accept(nodeId));
            case "run-only" -> runScope(RunScope.Kind.ONLY, nodeId);
            case "run-from" -> runScope(RunScope.Kind.FROM, nodeId);
            case "run-to" -> runScope(RunScope.Kind.TO, nodeId);
            default -> log.warn("Ignoring the unknown node command '{}' the canvas sent", command);
        }
    }

    private void runScope(RunScope.Kind kind, String nodeId) {
        RunScope scope = new RunScope(kind, nodeId);
        runScopeListeners.forEach(listener -> listener.accept(scope));
    }

    @ClientCallable
    private void graphChanged(String json) {
        CanvasGraph edited;
        try {
            edited = JSON.readValue(json, CanvasGraph.class);
        } catch (JacksonException e) {
            log.warn("Ignoring a graph the canvas sent that is not readable: {}", e.getOriginalMessage());
            return;
        }
        graph = merge(edited);
        graphListeners.forEach(listener -> listener.accept(graph));
    }

    @ClientCallable
    private void nodeSelected(String nodeId) {
        selectedNodeId = nodeId == null || nodeId.isBlank() ? null : nodeId;
        Optional<String> selected = Optional.ofNullable(selectedNodeId);
        selectionListeners.forEach(listener -> listener.accept(selected));
    }

    /**
     * The edited graph with the versions this side knows. Params equal to the known ones (as JSON: the browser turns
     * a long into an int) keep the known Java values, so an unchanged node stays equal to itself.
     */
    private ExperimentGraph merge(CanvasGraph edited) {
        List<Node> nodes = new ArrayList<>();
        for (CanvasGraph.CanvasNode n : edited.nodes()) {
            if (n.id() == null || n.component() == null) {
                continue;
            }
            Node.Position at = n.position() == null ? new Node.Position(0, 0) : n.position();
            Node known = knownNodes.get(n.id());
            Node base = known != null && known.component().equals(n.component())
                    ? known
                    : new Node(n.id(), n.component(), currentVersion(n.component()), null, Map.of(), at);
            Map<String, Object> params = n.params() == null || sameJson(n.params(), base.params())
                    ? base.params()
                    : n.params();
            String label = n.label() == null || n.label().isBlank() ? null : n.label();
            Node node = new Node(base.id(), base.component(), base.version(), label, params, at);
            knownNodes.put(node.id(), node);
            nodes.add(node);
        }
        Set<String> ids = nodes.stream().map(Node::id).collect(Collectors.toSet());
        List<Edge> edges = edited.edges().stream()
                .filter(e -> ids.contains(e.from().node()) && ids.contains(e.to().node()))
                .toList();
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, nodes, edges, edited.notes());
    }

    /** Equal as JSON, numbers by value: 1, 1L and 1.0 are the same param value. */
    private static boolean sameJson(Map<String, Object> a, Map<String, Object> b) {
        Comparator<JsonNode> byValue = (x, y) -> x.equals(y)
                || x.isNumber() && y.isNumber() && x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
        JsonNode left = JSON.valueToTree(a);
        return left.equals(byValue, JSON.valueToTree(b));
    }

    private int currentVersion(String componentId) {
        return catalog == null ? 1 : catalog.find(componentId).map(ComponentDescriptor::version).orElse(1);
    }

    private String paletteJson() {
        return catalog == null ? null : write(CanvasPalette.of(catalog, locale));
    }

    /** The client element is created afresh on every attach, so it gets the whole state each time. */
    private void sendAll() {
        if (catalog != null) {
            js("setPalette", paletteJson());
        }
        js("setGraph", write(CanvasGraph.of(graph)));
        Map<String, NodeStatus> copy = new LinkedHashMap<>(states);
        js("setNodeStates", write(copy));
        progress.forEach((nodeId, shown) -> js("setNodeProgress", nodeId, shown.fraction(), shown.text()));
        js("setValidationErrors", write(errors));
        js("setStaleNodes", write(stale));
        if (selectedNodeId != null) {
            js("selectNode", selectedNodeId);
        }
    }

    private void call(String function, Object... args) {
        if (isAttached()) {
            js(function, args);
        }
    }

    private void js(String function, Object... args) {
        getElement().callJsFunction(function, args);
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
