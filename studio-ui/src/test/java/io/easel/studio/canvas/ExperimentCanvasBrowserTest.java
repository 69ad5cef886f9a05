package io.easel.studio.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.Note;
import io.easel.graph.ValidationError;
import io.easel.run.NodeState;
import io.easel.run.RunScope;
import io.easel.studio.EaselStudioApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The canvas in a real Chromium against the real studio app (production bundle, real catalog): components dragged
 * from the palette, ports wired with the mouse, and the graph arriving on the server.
 */
@SpringBootTest(classes = EaselStudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ExperimentCanvasBrowserTest.FreshDataDirectory.class)
class ExperimentCanvasBrowserTest {

    private static ChromeDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    CanvasProbe probe;

    @BeforeAll
    static void startBrowser() throws IOException {
        driver = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openCanvasPage() {
        probe.reset();
        driver.get("http://localhost:" + port + "/test/canvas");
        if (driver.getCurrentUrl().endsWith("/login")) {
            // Signed in once per browser; Spring Security then brings the browser back to the canvas.
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input")))
                    .sendKeys("admin");
            driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(ADMIN_PASSWORD + "\n");
        }
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(paletteItem("sample-dataset")));
    }

    @Test
    void shouldSendTheServerTheNodesAndEdgeTheUserDrewWithTheMouse() throws Exception {
        dropOnCanvas("sample-dataset", -250, -200);
        dropOnCanvas("random-split", -250, 0);
        connect("sample-dataset-1", "out", "random-split-1", "in");

        ExperimentGraph graph = probe.awaitGraph(g -> g.edges().size() == 1, "one edge");

        assertThat(graph.nodes()).extracting(Node::id, Node::component).containsExactlyInAnyOrder(
                tuple("sample-dataset-1", "sample-dataset"),
                tuple("random-split-1", "random-split"));
        assertThat(graph.edges()).containsExactly(Edge.of("sample-dataset-1", "out", "random-split-1", "in"));
        assertThat(graph.node("random-split-1").orElseThrow().position().y())
                .isGreaterThan(graph.node("sample-dataset-1").orElseThrow().position().y());

        showRunStateAndErrors();
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("easel-canvas .easel-graph")), 300, 200)
                .perform();
        HeadlessChromium.screenshot(driver, "canvas-wired");
    }

    @Test
    void shouldRefuseToConnectATableOutputToAModelInput() throws Exception {
        dropOnCanvas("sample-dataset", -250, -200);
        dropOnCanvas("predict", -250, 0);
        probe.awaitGraph(g -> g.nodes().size() == 2, "two nodes");

        connect("sample-dataset-1", "out", "predict-1", "model");
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".easel-notice")))
                .getText()).isEqualTo("A table output cannot feed a model input");
        // A compatible connection made afterwards: once it arrives, the refused one would have arrived before it.
        connect("sample-dataset-1", "out", "predict-1", "in");
        ExperimentGraph graph = probe.awaitGraph(g -> !g.edges().isEmpty(), "an edge");

        assertThat(graph.edges()).containsExactly(Edge.of("sample-dataset-1", "out", "predict-1", "in"));
        assertThat(driver.findElements(By.cssSelector("g.x6-edge"))).hasSize(1);
    }

    @Test
    void shouldDeleteTheSelectedNodeWithTheDeleteKeyAndRestoreItsParamsOnUndo() throws Exception {
        ExperimentGraph saved = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                new Node("sample-dataset-1", "sample-dataset", 1, "credit", Map.of("dataset", "credit_g"),
                        new Node.Position(100, 60)),
                new Node("random-split-1", "random-split", 1, null, Map.of("fraction", 0.7),
                        new Node.Position(100, 200))),
                List.of(Edge.of("sample-dataset-1", "out", "random-split-1", "in")));
        probe.onCanvas(canvas -> canvas.setGraph(saved));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("random-split-1")));

        driver.findElement(node("random-split-1")).click();
        waitFor().until(d -> probe.selections().contains(Optional.of("random-split-1")));
        new Actions(driver).sendKeys(Keys.DELETE).perform();
        probe.awaitGraph(g -> g.nodes().size() == 1 && g.edges().isEmpty(), "the split node deleted");
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        ExperimentGraph restored = probe.awaitGraph(g -> g.nodes().size() == 2, "the split node back");

        assertThat(restored.edges()).containsExactly(Edge.of("sample-dataset-1", "out", "random-split-1", "in"));
        assertThat(restored.node("random-split-1").orElseThrow().params()).isEqualTo(Map.of("fraction", 0.7));
        assertThat(restored.node("sample-dataset-1").orElseThrow().label()).isEqualTo("credit");
    }

    @Test
    void shouldFilterThePaletteBySearchInEnglishOrChineseTitleOrKeyword() {
        WebElement search = driver.findElement(By.cssSelector("easel-canvas .easel-palette-search"));
        int all = driver.findElements(By.cssSelector("[data-component-id]")).size();
        search.sendKeys("拆分");

        waitFor().until(d -> d.findElements(By.cssSelector("[data-component-id]")).size() < all);
        assertThat(driver.findElements(By.cssSelector("[data-component-id]")).stream()
                .map(e -> e.getAttribute("data-component-id")))
                .contains("random-split", "stratified-split")
                .doesNotContain("gbdt-classifier", "sample-dataset");
    }

    @Test
    void shouldAddAFavouriteOnDoubleClickAndSelectIt() {
        driver.executeScript("window.localStorage.clear()"); // favourites and recently used of earlier tests
        openCanvasPage();
        WebElement search = driver.findElement(By.cssSelector("easel-canvas .easel-palette-search"));
        search.sendKeys("random split");
        WebElement item = waitFor().until(ExpectedConditions.elementToBeClickable(paletteItem("random-split")));
        new Actions(driver).moveToElement(item).perform();
        item.findElement(By.cssSelector(".easel-star")).click();
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        new Actions(driver).doubleClick(driver.findElement(
                By.cssSelector("[data-category='favourites'] [data-component-id='random-split']"))).perform();

        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("random-split-1")));
        waitFor().until(d -> probe.selections().contains(Optional.of("random-split-1")));
        assertThat(driver.findElements(By.cssSelector("[data-category='recent'] [data-component-id]")))
                .extracting(e -> e.getAttribute("data-component-id")).containsExactly("random-split");
        // Favourites are the user's: they survive a reload.
        openCanvasPage();
        assertThat(driver.findElements(By.cssSelector("[data-category='favourites'] [data-component-id]")))
                .extracting(e -> e.getAttribute("data-component-id")).containsExactly("random-split");
        driver.findElement(By.cssSelector("[data-category='favourites'] .easel-star")).click();
        waitFor().until(d -> d.findElements(By.cssSelector("[data-category='favourites']")).isEmpty());
    }

    @Test
    void shouldSelectAnEdgeOnClickAndDeleteItOnlyWithTheDeleteKey() throws Exception {
        probe.onCanvas(canvas -> canvas.setGraph(datasetAndSplit()));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("g.x6-edge")));

        // The middle of the (vertical) edge: halfway between the dataset's bottom and the split's top.
        WebElement from = driver.findElement(node("sample-dataset-1"));
        WebElement to = driver.findElement(node("random-split-1"));
        int x = from.getRect().getX() + from.getRect().getWidth() / 2;
        int y = (from.getRect().getY() + from.getRect().getHeight() + to.getRect().getY()) / 2;
        new Actions(driver).moveToLocation(x, y).click().perform();

        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("g.x6-edge [data-selected='true']")));
        Thread.sleep(600); // longer than the canvas's debounce: a deletion would have reached the server by now
        assertThat(probe.graphs()).isEmpty();
        assertThat(driver.findElements(By.cssSelector("g.x6-edge"))).hasSize(1);

        new Actions(driver).sendKeys(Keys.DELETE).perform();
        ExperimentGraph graph = probe.awaitGraph(g -> g.edges().isEmpty(), "the edge deleted");
        assertThat(graph.nodes()).hasSize(2);
    }

    @Test
    void shouldUndoAndRedoAParamEditWithoutAClickOnTheCanvasFirst() throws Exception {
        ExperimentGraph saved = datasetAndSplit();
        probe.onCanvas(canvas -> canvas.setGraph(saved));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("random-split-1")));
        // What the editor does when the settings form changes a param.
        Node split = saved.node("random-split-1").orElseThrow().withParams(Map.of("fraction", 0.8));
        probe.onCanvas(canvas -> canvas.updateNode(split));
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE); // focus anywhere but the canvas

        undo();
        ExperimentGraph undone = probe.awaitGraph(g -> !g.nodes().isEmpty()
                && Map.of("fraction", 0.7).equals(g.node("random-split-1").orElseThrow().params()), "the old fraction");
        assertThat(undone.edges()).hasSize(1);
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("y").keyUp(Keys.CONTROL).perform();
        // The server never sent the canvas's listeners the edited graph: one with 0.8 can only come from the redo.
        probe.awaitGraph(g -> !g.nodes().isEmpty()
                && Map.of("fraction", 0.8).equals(g.node("random-split-1").orElseThrow().params()), "the new fraction");
    }

    @Test
    void shouldPasteCopiedNodesWithTheirParamsAndEdgeIntoAnotherExperiment() throws Exception {
        probe.onCanvas(canvas -> canvas.setGraph(datasetAndSplit()));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("random-split-1")));
        driver.findElement(node("sample-dataset-1")).click();
        new Actions(driver).keyDown(Keys.SHIFT).click(driver.findElement(node("random-split-1"))).keyUp(Keys.SHIFT)
                .perform();
        waitFor().until(d -> selectedHalos() == 2);
        copy();

        openCanvasPage(); // another experiment: an empty graph on a new page
        probe.onCanvas(canvas -> canvas.setGraph(new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                new Node("sample-dataset-1", "sample-dataset", 1, null, Map.of("dataset", "iris"),
                        new Node.Position(400, 60))), List.of())));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("sample-dataset-1")));
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();

        ExperimentGraph pasted = probe.awaitGraph(g -> g.nodes().size() == 3, "the two nodes pasted");
        assertThat(pasted.nodes()).extracting(Node::id, Node::label, Node::params).containsExactlyInAnyOrder(
                tuple("sample-dataset-1", null, Map.of("dataset", "iris")),
                tuple("sample-dataset-2", "credit", Map.of("dataset", "credit_g")),
                tuple("random-split-1", null, Map.of("fraction", 0.7)));
        assertThat(pasted.edges()).containsExactly(Edge.of("sample-dataset-2", "out", "random-split-1", "in"));
    }

    @Test
    void shouldPasteAtTheMousePointer() throws Exception {
        probe.onCanvas(canvas -> canvas.setGraph(datasetAndSplit()));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("random-split-1")));
        driver.findElement(node("sample-dataset-1")).click();
        waitFor().until(d -> probe.selections().contains(Optional.of("sample-dataset-1")));
        copy();

        // A blank spot far from the originals (at 100, 60 and 100, 200), where the paste should land.
        WebElement stage = driver.findElement(By.cssSelector("easel-canvas .easel-graph"));
        new Actions(driver).moveToElement(stage, 150, 120).perform();
        Map<?, ?> pointer = (Map<?, ?>) driver.executeScript("""
                const stage = arguments[0].getBoundingClientRect();
                const p = document.querySelector('easel-canvas').graph.clientToLocal(
                    stage.left + stage.width / 2 + 150, stage.top + stage.height / 2 + 120);
                return {x: p.x, y: p.y};""", stage);
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("v").keyUp(Keys.CONTROL).perform();

        ExperimentGraph pasted = probe.awaitGraph(g -> g.nodes().size() == 3, "the node pasted");
        Node.Position at = pasted.node("sample-dataset-2").orElseThrow().position();
        // The pasted node's top-left corner at the pointer, snapped to the 10-pixel grid.
        assertThat(at.x()).isCloseTo(((Number) pointer.get("x")).doubleValue(), within(10.0));
        assertThat(at.y()).isCloseTo(((Number) pointer.get("y")).doubleValue(), within(10.0));
        assertThat(Math.abs(at.x() - 100) + Math.abs(at.y() - 60)).as("away from the original").isGreaterThan(100);
    }

    @Test
    void shouldMarkAStaleNodeAskForARunFromHereAndDuplicateFromItsContextMenu() throws Exception {
        probe.onCanvas(canvas -> canvas.setGraph(datasetAndSplit()));
        WebElement split = waitFor().until(ExpectedConditions.presenceOfElementLocated(node("random-split-1")));
        probe.onCanvas(canvas -> canvas.setStaleNodes(Map.of("random-split-1", "param fraction changed")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("g[data-cell-id='random-split-1'] [data-stale='true']")));
        assertThat(driver.findElements(By.cssSelector("g[data-cell-id='sample-dataset-1'] [data-stale='true']")))
                .isEmpty();
        new Actions(driver).contextClick(split).perform();

        WebElement runFrom = waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".easel-menu [data-action='Run from here']")));
        assertThat(driver.findElement(By.cssSelector(".easel-menu [data-action='Run this node']")).isEnabled())
                .isTrue();
        runFrom.click();
        waitFor().until(d -> !probe.runScopes().isEmpty());
        assertThat(probe.runScopes()).containsExactly(new RunScope(RunScope.Kind.FROM, "random-split-1"));

        new Actions(driver).contextClick(driver.findElement(node("random-split-1"))).perform();
        waitFor().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".easel-menu [data-action='Duplicate']"))).click();

        ExperimentGraph graph = probe.awaitGraph(g -> g.nodes().size() == 3, "a copy of the split");
        assertThat(graph.node("random-split-2").orElseThrow().params()).isEqualTo(Map.of("fraction", 0.7));
        assertThat(graph.edges()).hasSize(1);
    }

    @Test
    void shouldLayOutTheGraphInLayersWithoutOverlaps() throws Exception {
        Node.Position origin = new Node.Position(0, 0);
        ExperimentGraph pile = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                new Node("data", "sample-dataset", 1, null, Map.of(), origin),
                new Node("split", "random-split", 1, null, Map.of(), origin),
                new Node("train", "gbdt-classifier", 1, null, Map.of(), origin),
                new Node("predict", "predict", 1, null, Map.of(), origin),
                new Node("stats", "summary-statistics", 1, null, Map.of(), origin)),
                List.of(Edge.of("data", "out", "split", "in"), Edge.of("split", "train", "train", "in"),
                        Edge.of("train", "model", "predict", "model"), Edge.of("split", "test", "predict", "in"),
                        Edge.of("data", "out", "stats", "in")));
        probe.onCanvas(canvas -> canvas.setGraph(pile));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node("predict")));

        driver.findElement(By.cssSelector("easel-canvas .easel-layout-button")).click();

        ExperimentGraph laid = probe.awaitGraph(g -> g.nodes().size() == 5, "the laid out graph");
        for (Node a : laid.nodes()) {
            for (Node b : laid.nodes()) {
                boolean overlap = a != b && Math.abs(a.position().x() - b.position().x()) < 200
                        && Math.abs(a.position().y() - b.position().y()) < 48;
                assertThat(overlap).as("%s overlaps %s", a.id(), b.id()).isFalse();
            }
        }
        for (Edge e : laid.edges()) {
            assertThat(laid.node(e.to().node()).orElseThrow().position().y()).as("edge %s", e)
                    .isGreaterThan(laid.node(e.from().node()).orElseThrow().position().y());
        }
    }

    @Test
    void shouldAddACommentFromTheCanvasMenuAndSendItWithTheGraph() throws Exception {
        WebElement stage = driver.findElement(By.cssSelector("easel-canvas .easel-graph"));
        new Actions(driver).moveToElement(stage, 100, 50).contextClick().perform();
        driver.findElement(By.cssSelector(".easel-menu [data-action='Add comment']")).click();

        WebElement editor = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("easel-canvas .easel-note-editor")));
        editor.sendKeys("Check the class balance", Keys.ENTER, "before the split");
        new Actions(driver).moveToElement(stage, -200, -150).click().perform();

        ExperimentGraph graph = probe.awaitGraph(g -> !g.notes().isEmpty() && !g.notes().get(0).text().isEmpty(),
                "a note with text");
        assertThat(graph.notes()).extracting(Note::id, Note::text)
                .containsExactly(tuple("note-1", "Check the class balance\nbefore the split"));
        assertThat(graph.nodes()).isEmpty();
    }

    private long selectedHalos() {
        return driver.findElements(By.cssSelector("g[data-cell-id] rect")).stream()
                .filter(r -> "visible".equals(r.getAttribute("visibility")) && r.getAttribute("stroke-opacity") != null)
                .count();
    }

    private void undo() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    }

    private void copy() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("c").keyUp(Keys.CONTROL).perform();
    }

    private static ExperimentGraph datasetAndSplit() {
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                new Node("sample-dataset-1", "sample-dataset", 1, "credit", Map.of("dataset", "credit_g"),
                        new Node.Position(100, 60)),
                new Node("random-split-1", "random-split", 1, null, Map.of("fraction", 0.7),
                        new Node.Position(100, 200))),
                List.of(Edge.of("sample-dataset-1", "out", "random-split-1", "in")));
    }

    /** Marks the nodes as a run and a validation would, and checks the DOM hooks other tests rely on. */
    private void showRunStateAndErrors() throws Exception {
        probe.onCanvas(canvas -> {
            canvas.setNodeState("sample-dataset-1", NodeState.SUCCEEDED, "1000 rows");
            canvas.setNodeState("random-split-1", NodeState.RUNNING, null);
        });
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("g[data-cell-id='sample-dataset-1'] [data-state='succeeded']")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("g[data-cell-id='random-split-1'] [data-state='running']")));

        probe.onCanvas(canvas -> canvas.setValidationErrors(List.of(new ValidationError("random-split-1", "fraction",
                null, ValidationError.Code.INVALID_PARAM, "Node 'random-split-1': fraction 1.5 is out of range (0, 1)"))));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("g[data-cell-id='random-split-1'] [data-invalid='true']")));
    }

    private void dropOnCanvas(String componentId, int dx, int dy) {
        WebElement item = driver.findElement(paletteItem(componentId));
        WebElement graph = driver.findElement(By.cssSelector("easel-canvas .easel-graph"));
        new Actions(driver)
                .clickAndHold(item)
                .moveByOffset(40, 0)
                .moveToElement(graph, dx / 2, dy / 2)
                .moveToElement(graph, dx, dy)
                .release()
                .perform();
        String nodeId = componentId + "-1";
        waitFor().until(ExpectedConditions.presenceOfElementLocated(node(nodeId)));
    }

    private void connect(String fromNode, String fromPort, String toNode, String toPort) {
        WebElement source = driver.findElement(port(fromNode, fromPort));
        WebElement target = driver.findElement(port(toNode, toPort));
        new Actions(driver)
                .clickAndHold(source)
                .moveByOffset(0, 20)
                .moveToElement(target, 0, -8)
                .moveToElement(target)
                .release()
                .perform();
    }

    private static By paletteItem(String componentId) {
        return By.cssSelector("[data-component-id='" + componentId + "']");
    }

    private static By node(String nodeId) {
        return By.cssSelector("g[data-cell-id='" + nodeId + "']");
    }

    private static By port(String nodeId, String port) {
        return By.cssSelector("g[data-cell-id='" + nodeId + "'] [port='" + port + "']");
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    private static final String ADMIN_PASSWORD = "canvas-admin-password";

    /**
     * An own data directory (and so embedded PostgreSQL) under target/test-data for this test's context, and the
     * first administrator's password the test signs in with.
     */
    static final class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()));
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("canvas-test-data",
                        Map.of("easel.data-dir", dir.toAbsolutePath().toString(),
                                "easel.security.admin-password", ADMIN_PASSWORD)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
