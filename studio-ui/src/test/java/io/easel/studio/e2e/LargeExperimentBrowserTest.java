package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9's figures for a large experiment: a 300-node, 300-edge experiment opens in the editor, timed from the
 * navigation to the frame that shows it drawn, and one node dragged across the canvas, timed by the page's frames.
 * The figures are printed (docs/benchmarks.md keeps them); the bounds asserted are loose, for a loaded CI machine.
 */
class LargeExperimentBrowserTest extends SignedInStudio {

    private static final int CHAINS = 30;
    private static final int DEPTH = 10;
    /** The canvas's measure of a graph shown (easel-canvas.ts). */
    private static final String GRAPH_SHOWN = "easel-canvas:graph-shown";

    @Test
    void shouldOpenA300NodeExperimentQuicklyAndDragANodeSmoothly() throws Exception {
        signedIn();
        JsonNode created = createExperiment(JsonMapper.builder().build().writeValueAsString(Map.of(
                "name", "Three hundred nodes", "graph", chains())));

        JavascriptExecutor page = browser.driver;
        // Opened twice: the first open after start-up also pays for the server's warm-up; the second is what a user
        // of a running studio meets.
        for (String open : List.of("first open after start-up", "opened again")) {
            browser.open(url("/experiments/" + created.get("id").asString()));
            Map<?, ?> shown = browser.until(Duration.ofSeconds(60), d -> (Map<?, ?>) page.executeScript("""
                    const shown = performance.getEntriesByName(arguments[0])
                        .filter(m => m.detail && m.detail.nodes === arguments[1]);
                    if (shown.length === 0) return null;
                    const last = shown[shown.length - 1];
                    return {openMs: last.startTime + last.duration, drawMs: last.duration,
                        nodes: document.querySelectorAll('easel-canvas g.x6-node').length,
                        edges: document.querySelectorAll('easel-canvas g.x6-edge').length};""",
                    GRAPH_SHOWN, CHAINS * DEPTH));
            double openMs = ((Number) shown.get("openMs")).doubleValue();
            double drawMs = ((Number) shown.get("drawMs")).doubleValue();
            System.out.printf("Canvas, %d nodes and %d edges, %s: shown %.0f ms after the navigation began (the graph"
                    + " reached the canvas after %.0f ms, which drew it in %.0f ms)%n", CHAINS * DEPTH,
                    CHAINS * DEPTH, open, openMs, openMs - drawMs, drawMs);
            assertThat(shown.get("nodes")).isEqualTo(300L);
            assertThat(shown.get("edges")).isEqualTo(300L);
            assertThat(browser.findAll("#issues-count")).as("a valid experiment").noneMatch(WebElement::isDisplayed);
            // Issue 9 asks for 1.5 s on a developer's machine; the suite shares two cores with everything else.
            assertThat(openMs).as("ms from navigation to the graph shown").isLessThan(15_000);
        }

        // A drag of one node across the canvas, while the page records the time between its frames.
        String dragged = "c7-4";
        WebElement node = browser.find("g[data-cell-id='" + dragged + "']");
        double before = nodeX(dragged);
        page.executeScript("""
                const frames = window.dragFrames = [];
                let last = performance.now();
                const tick = (now) => {
                  frames.push(now - last);
                  last = now;
                  if (!window.dragDone) requestAnimationFrame(tick);
                };
                window.dragDone = false;
                requestAnimationFrame(tick);""");
        Actions drag = new Actions(browser.driver).moveToElement(node).clickAndHold();
        for (int step = 0; step < 60; step++) {
            drag.moveByOffset(4, 2).pause(Duration.ofMillis(16));
        }
        drag.release().perform();
        @SuppressWarnings("unchecked")
        List<Number> frames = (List<Number>) page.executeScript("window.dragDone = true; return window.dragFrames;");
        List<Double> sorted = new ArrayList<>(frames.stream().skip(1).map(Number::doubleValue).sorted().toList());
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        System.out.printf("Canvas, dragging one of %d nodes: %d frames, median %.1f ms, 95th percentile %.1f ms,"
                + " longest %.1f ms%n", CHAINS * DEPTH, sorted.size(), median, p95, sorted.getLast());
        assertThat(nodeX(dragged)).as("the node moved right").isGreaterThan(before + 50);
        assertThat(median).as("median ms between frames while dragging").isLessThan(100);
    }

    /** Where the canvas has a node now, in graph coordinates. */
    private double nodeX(String nodeId) {
        return ((Number) browser.driver.executeScript(
                "return document.querySelector('easel-canvas').graph.getCellById(arguments[0]).getPosition().x;",
                nodeId)).doubleValue();
    }

    /**
     * 30 chains of 10 nodes in two bands: a sample dataset and nine SQL queries each. The sixth query of each chain
     * also reads, as t2, the fifth of the chain before: 270 edges along the chains and 30 across them.
     */
    private static Map<String, Object> chains() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int chain = 0; chain < CHAINS; chain++) {
            int x = 40 + chain % 15 * 240;
            int top = 40 + chain / 15 * (DEPTH * 90 + 100);
            for (int depth = 0; depth < DEPTH; depth++) {
                boolean source = depth == 0;
                nodes.add(Map.of("id", id(chain, depth), "component", source ? "sample-dataset" : "sql-query",
                        "version", 1, "params", source ? Map.of("dataset", "credit_g")
                                : Map.of("query", "SELECT * FROM t1"),
                        "position", Map.of("x", x, "y", top + depth * 90)));
                if (!source) {
                    edges.add(edge(id(chain, depth - 1), id(chain, depth), "t1"));
                }
            }
            edges.add(edge(id((chain + CHAINS - 1) % CHAINS, 5), id(chain, 6), "t2"));
        }
        return Map.of("formatVersion", 1, "nodes", nodes, "edges", edges);
    }

    private static String id(int chain, int depth) {
        return "c" + chain + "-" + depth;
    }

    private static Map<String, Object> edge(String from, String to, String port) {
        return Map.of("from", Map.of("node", from, "port", "out"), "to", Map.of("node", to, "port", port));
    }
}
