package io.easel.studio.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver (no Selenium Manager download), headless, in a fresh profile, plus
 * the few gestures the studio's tests need.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) {
        try {
            profile = Files.createTempDirectory("easel-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-US", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
        waitForVaadin();
    }

    /** Signs in on the studio's login page (where any page sends a visitor who has not signed in yet). */
    void signIn(String baseUrl, String username, String password) {
        open(baseUrl + "/login");
        type("#vaadinLoginUsername", username, false);
        type("#vaadinLoginPassword", password, true);
        until(Duration.ofSeconds(30), d -> !d.getCurrentUrl().contains("/login")
                && !d.findElements(By.cssSelector("#signed-in-user")).isEmpty());
        waitForVaadin();
    }

    /** Until the Vaadin client has no request in flight (so server-side state has reached the page). */
    void waitForVaadin() {
        until(Duration.ofSeconds(30), d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + " if (!c) return false;"
                        + " return Object.values(c).every(x => !x.isActive || !x.isActive());"));
    }

    WebElement find(String css) {
        return until(Duration.ofSeconds(30), d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        retrying(() -> find(css).click());
        waitForVaadin();
    }

    /** Types into a Vaadin field (its light-DOM input/textarea), then commits with Enter or Tab. */
    void type(String fieldCss, String text, boolean enter) {
        WebElement input = find(fieldCss + " input, " + fieldCss + " textarea");
        input.click();
        input.sendKeys(text);
        waitForVaadin();
        input.sendKeys(enter ? "\n" : "\t");
        waitForVaadin();
    }

    /**
     * Picks items of a (multi-select) combo box by typing each name; Enter commits the item whose label matches the
     * typed text exactly.
     */
    void pick(String fieldCss, String... names) {
        WebElement input = find(fieldCss + " input");
        for (String name : names) {
            input.click();
            input.sendKeys(name);
            until(Duration.ofSeconds(10), d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "const f = document.querySelector(arguments[0]); return f && f.opened === true"
                            + " && !f.loading;", fieldCss));
            input.sendKeys("\n");
            waitForVaadin();
        }
        // The first Escape clears the typed filter, the next closes the overlay; an open overlay would swallow the
        // next click elsewhere.
        for (int i = 0; i < 3 && isOpened(fieldCss); i++) {
            input.sendKeys("\u001b");
        }
        waitForVaadin();
    }

    /**
     * A value of the ECharts option the chart in {@code [data-chart=name]} drew, read in the page, e.g.
     * {@code option.xAxis.name}.
     */
    Object chartOption(String chart, String path) {
        find("[data-chart='" + chart + "'] easel-chart canvas");
        return ((JavascriptExecutor) driver).executeScript("const chart = document.querySelector("
                + "\"[data-chart='" + chart + "'] easel-chart\"); const option = chart.option; return " + path + ";");
    }

    /** Scrolls the element into the middle of its scrolling panel, e.g. a chart for a screenshot. */
    void scrollTo(String css) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", find(css));
        waitForVaadin();
    }

    /** Chooses the item of a Vaadin select whose label is {@code label}. */
    void choose(String selectCss, String label) {
        click(selectCss);
        until(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const item = [...document.querySelectorAll('vaadin-select-item')]"
                        + ".find(i => i.textContent.trim() === arguments[0]);"
                        + " if (!item) return false; item.click(); return true;", label)));
        waitForVaadin();
        until(Duration.ofSeconds(10), d -> !isOpened(selectCss));
    }

    /** The labels a (multi-select) combo box offers, read by opening it and closing it again. */
    List<String> options(String fieldCss) {
        WebElement input = find(fieldCss + " input");
        input.click();
        until(Duration.ofSeconds(10), d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const f = document.querySelector(arguments[0]); return f && f.opened === true && !f.loading;",
                fieldCss));
        List<String> labels = until(Duration.ofSeconds(10), d -> {
            List<WebElement> items = d.findElements(By.cssSelector(
                    "vaadin-combo-box-item, vaadin-multi-select-combo-box-item"));
            return items.isEmpty() ? null : items.stream().map(i -> i.getText().strip()).toList();
        });
        for (int i = 0; i < 3 && isOpened(fieldCss); i++) {
            input.sendKeys("\u001b");
        }
        waitForVaadin();
        return labels;
    }

    private boolean isOpened(String fieldCss) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const f = document.querySelector(arguments[0]); return !!(f && f.opened);", fieldCss));
    }

    /** Drags a palette item onto the canvas, dropping its centre at ({@code x}, {@code y}) of the graph area. */
    void dropComponent(String componentId, int x, int y) {
        String dropped = "easel-canvas g.x6-node[data-cell-id^='" + componentId + "-']";
        int before = findAll(dropped).size();
        repeatUntil(() -> {
            WebElement item = find("[data-component-id='" + componentId + "']");
            WebElement stage = find("easel-canvas .easel-graph");
            int dx = x - stage.getRect().getWidth() / 2;
            int dy = y - stage.getRect().getHeight() / 2;
            new Actions(driver)
                    .moveToElement(item)
                    .clickAndHold()
                    .moveByOffset(12, 6)
                    .moveToElement(stage, dx - 20, dy - 10)
                    .moveToElement(stage, dx, dy)
                    .pause(Duration.ofMillis(150))
                    .release()
                    .perform();
        }, () -> findAll(dropped).size() > before, () -> "no '" + componentId + "' node appeared after dropping it"
                + " at (" + x + ", " + y + "); " + canvasState());
    }

    /**
     * Draws an edge from an output port to an input port, as a user drags between the two circles. The gesture starts
     * and ends on points where the port circles themselves are hit: a port label or a floating panel may cover part of
     * a port.
     */
    void connect(String fromNode, String fromPort, String toNode, String toPort) {
        String out = "g[data-cell-id='" + fromNode + "'] circle[port='" + fromPort + "']";
        String in = "g[data-cell-id='" + toNode + "'] circle[port='" + toPort + "']";
        long before = connectedEdges();
        repeatUntil(() -> {
            WebElement from = find(out);
            WebElement to = find(in);
            Point start = hitPoint(from);
            Point end = hitPoint(to);
            if (start == null || end == null) {
                return; // covered for now (a passing notice): the next attempt looks again
            }
            new Actions(driver)
                    .moveToElement(from, start.x(), start.y())
                    .clickAndHold()
                    .moveByOffset(0, 24)
                    .moveToElement(to, end.x(), end.y() - 6)
                    .moveToElement(to, end.x(), end.y())
                    .pause(Duration.ofMillis(150))
                    .release()
                    .perform();
        }, () -> connectedEdges() > before, () -> "no edge " + fromNode + "." + fromPort + " -> " + toNode + "."
                + toPort + " after dragging between the ports; at the output port: " + whatIsAt(out)
                + "; at the input port: " + whatIsAt(in) + "; " + canvasState());
    }

    /**
     * Makes a mouse gesture until it took effect, at most three times: under load a gesture can begin while the page
     * is still being laid out and miss its target. As a user would, it is made again rather than failed on; a gesture
     * that took effect late is not made twice.
     */
    private void repeatUntil(Runnable gesture, BooleanSupplier tookEffect, Supplier<String> whatWentWrong) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            gesture.run();
            try {
                until(Duration.ofSeconds(5), d -> tookEffect.getAsBoolean());
                return;
            } catch (TimeoutException e) {
                waitForVaadin();
                if (tookEffect.getAsBoolean()) {
                    return;
                }
            }
        }
        throw new AssertionError("The gesture took no effect in three attempts: " + whatWentWrong.get());
    }

    /** An offset from an element's centre, as Selenium's moveToElement takes it. */
    private record Point(int x, int y) {}

    /** Where a click hits the element itself (its centre, else a point around it), or null when it is covered. */
    private Point hitPoint(WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const el = arguments[0], r = el.getBoundingClientRect();"
                        + " for (const [fx, fy] of [[.5, .5], [.3, .5], [.7, .5], [.5, .3], [.5, .7]]) {"
                        + "   const x = r.left + r.width * fx, y = r.top + r.height * fy,"
                        + "     hit = document.elementFromPoint(x, y);"
                        + "   if (hit && (hit === el || el.contains(hit)))"
                        + "     return [Math.round(x - r.left - r.width / 2), Math.round(y - r.top - r.height / 2)];"
                        + " } return null;", element);
        return offset == null ? null : new Point(offset.get(0).intValue(), offset.get(1).intValue());
    }

    /** What a click on the centre of the element matched by {@code css} hits, for a failure message. */
    private String whatIsAt(String css) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const el = document.querySelector(arguments[0]); if (!el) return 'no such element';"
                        + " const r = el.getBoundingClientRect(),"
                        + "   hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2),"
                        + "   where = ' at (' + Math.round(r.left) + ', ' + Math.round(r.top) + ')';"
                        + " if (!hit) return 'nothing' + where;"
                        + " if (hit === el) return 'the port itself' + where;"
                        + " const cell = hit.closest('[data-cell-id]'),"
                        + "   css = typeof hit.className === 'string' ? hit.className : hit.getAttribute('class');"
                        + " return hit.tagName.toLowerCase() + (css ? '.' + css : '')"
                        + "   + (cell ? ' of ' + cell.getAttribute('data-cell-id') : '') + where;", css));
    }

    /**
     * The canvas's nodes (with positions), edges, zoom and notices as the page holds them, for a failure message: not
     * every CI keeps the failure's screenshot.
     */
    String canvasState() {
        try {
            return String.valueOf(((JavascriptExecutor) driver).executeScript(
                    "const c = document.querySelector('easel-canvas'); if (!c || !c.graph) return 'no canvas';"
                            + " const g = c.graph, r = c.getBoundingClientRect();"
                            + " return 'nodes ' + g.getNodes().map(n => n.id + '@' + Math.round(n.getPosition().x)"
                            + "   + ',' + Math.round(n.getPosition().y)).join(' ')"
                            + "   + '; edges ' + g.getEdges().map(e => (e.getSourceCellId() || '?') + '.'"
                            + "   + (e.getSourcePortId() || '') + '>' + (e.getTargetCellId() || '?') + '.'"
                            + "   + (e.getTargetPortId() || '')).join(' ')"
                            + "   + '; zoom ' + g.zoom() + '; translate ' + JSON.stringify(g.translate())"
                            + "   + '; canvas at ' + JSON.stringify([r.left, r.top, r.width, r.height])"
                            + "   + '; notices: ' + [...document.querySelectorAll('vaadin-notification-card')]"
                            + "   .map(n => n.textContent.trim()).join(' | ');"));
        } catch (RuntimeException e) {
            return "canvas state unreadable: " + e.getMessage();
        }
    }

    /** Edges that join two ports (an edge still being drawn ends at a point, not at a node). */
    private long connectedEdges() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('easel-canvas').graph.getEdges()"
                        + ".filter(e => e.getSourceCellId() && e.getTargetCellId()).length;")).longValue();
    }

    /** Selects a node by clicking it (the node's group, not its rect: the label lies over the rect). */
    void selectNode(String nodeId) {
        WebElement node = find("g[data-cell-id='" + nodeId + "']");
        // Something may float over part of a node (the canvas's overview map): click a point where the node shows.
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const n = arguments[0], r = n.getBoundingClientRect();"
                        + " for (const [fx, fy] of [[.5, .5], [.2, .3], [.8, .3], [.2, .75], [.8, .75], [.05, .5]]) {"
                        + "   const x = r.left + r.width * fx, y = r.top + r.height * fy;"
                        + "   if (n.contains(document.elementFromPoint(x, y)))"
                        + "     return [Math.round(x - r.left - r.width / 2), Math.round(y - r.top - r.height / 2)];"
                        + " } return [0, 0];", node);
        new Actions(driver).moveToElement(node, offset.get(0).intValue(), offset.get(1).intValue()).click().perform();
        waitForVaadin();
    }

    /** Clicks an empty spot of the canvas, which clears the selection. */
    void clickCanvas(int x, int y) {
        WebElement stage = find("easel-canvas .easel-graph");
        new Actions(driver).moveToElement(stage, x - stage.getRect().getWidth() / 2,
                y - stage.getRect().getHeight() / 2).click().perform();
        waitForVaadin();
    }

    String nodeState(String nodeId) {
        List<WebElement> marked = findAll("g[data-cell-id='" + nodeId + "'] [data-state]");
        return marked.isEmpty() ? null : marked.get(0).getAttribute("data-state");
    }

    /** A screenshot without the passing notifications over it. */
    void cleanScreenshot(Path file) {
        until(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .noneMatch(WebElement::isDisplayed));
        screenshot(file);
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void retrying(Runnable action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
