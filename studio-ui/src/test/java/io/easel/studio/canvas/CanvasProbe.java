package io.easel.studio.canvas;

import com.vaadin.flow.component.UI;
import io.easel.graph.ExperimentGraph;
import io.easel.run.RunScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** What the test page's canvas reported to the server, and a way to call the canvas from a test thread. */
@Component
public class CanvasProbe {

    private final List<ExperimentGraph> graphs = new CopyOnWriteArrayList<>();
    private final List<Optional<String>> selections = new CopyOnWriteArrayList<>();
    private final List<RunScope> runScopes = new CopyOnWriteArrayList<>();
    private volatile UI ui;
    private volatile ExperimentCanvas canvas;

    void graphChanged(ExperimentGraph graph) {
        graphs.add(graph);
    }

    void nodeSelected(Optional<String> nodeId) {
        selections.add(nodeId);
    }

    void runAsked(RunScope scope) {
        runScopes.add(scope);
    }

    List<RunScope> runScopes() {
        return List.copyOf(runScopes);
    }

    void attached(UI ui, ExperimentCanvas canvas) {
        this.ui = ui;
        this.canvas = canvas;
    }

    void reset() {
        graphs.clear();
        selections.clear();
        runScopes.clear();
        ui = null;
        canvas = null;
    }

    List<ExperimentGraph> graphs() {
        return List.copyOf(graphs);
    }

    List<Optional<String>> selections() {
        return List.copyOf(selections);
    }

    /** Waits for the first graph the server received that satisfies {@code condition}. */
    ExperimentGraph awaitGraph(Predicate<ExperimentGraph> condition, String description) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (ExperimentGraph graph : graphs) {
                if (condition.test(graph)) {
                    return graph;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The server never received a graph with " + description + "; it received " + graphs);
    }

    /** Runs {@code action} on the canvas in its UI session and pushes the result to the browser. */
    void onCanvas(Consumer<ExperimentCanvas> action) throws Exception {
        ui.access(() -> action.accept(canvas)).get(10, TimeUnit.SECONDS);
    }
}
