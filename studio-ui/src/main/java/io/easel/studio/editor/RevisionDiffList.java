package io.easel.studio.editor;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.experiment.GraphDiff;
import io.easel.studio.canvas.ExperimentCanvas.DiffMark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The difference of two revisions as a list: nodes added, removed and changed (each field before → after), edges. */
class RevisionDiffList extends Div {

    RevisionDiffList(int from, int to, GraphDiff diff, Function<String, String> nodeName) {
        setId("revision-diff");
        addClassName("revision-diff-panel");
        add(new H3(getTranslation("revisions.diff.title", from, to)));
        if (diff.isEmpty()) {
            add(new Paragraph(getTranslation("revisions.diff.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("revision-diff");
        diff.addedNodes().forEach(n -> list.add(item("diff-added", getTranslation("revisions.diff.added",
                nodeName.apply(n.id())))));
        diff.removedNodes().forEach(n -> list.add(item("diff-removed", getTranslation("revisions.diff.removed",
                nodeName.apply(n.id())))));
        for (GraphDiff.NodeChange change : diff.changedNodes()) {
            ListItem item = item("diff-changed", getTranslation("revisions.diff.changed",
                    nodeName.apply(change.nodeId())));
            UnorderedList fields = new UnorderedList();
            change.changes().forEach(f -> fields.add(new ListItem(getTranslation("revisions.diff.field",
                    f.field().replaceFirst("^params\\.", ""), value(f.before()), value(f.after())))));
            item.add(fields);
            list.add(item);
        }
        diff.addedEdges().forEach(e -> list.add(item("diff-added", getTranslation("revisions.diff.edge-added",
                end(e.from().node(), e.from().port(), nodeName), end(e.to().node(), e.to().port(), nodeName)))));
        diff.removedEdges().forEach(e -> list.add(item("diff-removed", getTranslation("revisions.diff.edge-removed",
                end(e.from().node(), e.from().port(), nodeName), end(e.to().node(), e.to().port(), nodeName)))));
        add(list);
    }

    /** The later graph with what was removed put back, so the canvas can show it ghosted. */
    static ExperimentGraph union(ExperimentGraph later, GraphDiff diff) {
        List<Node> nodes = new ArrayList<>(later.nodes());
        nodes.addAll(diff.removedNodes());
        List<Edge> edges = new ArrayList<>(later.edges());
        edges.addAll(diff.removedEdges());
        return new ExperimentGraph(later.formatVersion(), nodes, edges);
    }

    static Map<String, DiffMark> marks(GraphDiff diff) {
        Map<String, DiffMark> marks = new LinkedHashMap<>();
        diff.addedNodes().forEach(n -> marks.put(n.id(), DiffMark.ADDED));
        diff.removedNodes().forEach(n -> marks.put(n.id(), DiffMark.REMOVED));
        diff.changedNodes().forEach(c -> marks.put(c.nodeId(), DiffMark.CHANGED));
        return marks;
    }

    private static ListItem item(String className, String text) {
        ListItem item = new ListItem(text);
        item.addClassName(className);
        item.addClassName("diff-item");
        return item;
    }

    private static String end(String node, String port, Function<String, String> nodeName) {
        return nodeName.apply(node) + "." + port;
    }

    private String value(Object value) {
        return value == null ? getTranslation("revisions.diff.unset") : String.valueOf(value);
    }
}
