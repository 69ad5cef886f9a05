package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's live progress and logs, in the browser: a run shows its overall progress in the toolbar while it goes
 * on, each node's log lines in its Log tab and the run's in the experiment panel, and a node whose SQL names a
 * column that does not exist says so in plain words, with Spark's own message folded below.
 */
class RunProgressAndLogsBrowserTest extends SignedInStudio {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldShowProgressTheNodeLogsAndAFailureInPlainWords() throws Exception {
        signedIn();
        JsonNode created = createExperiment(JSON.writeValueAsString(Map.of("name", "Progress and logs",
                "graph", Map.of("formatVersion", 1,
                        "nodes", List.of(
                                node("credit", "sample-dataset", Map.of("dataset", "credit_g"), 300, 40),
                                node("counts", "sql-query", Map.of("query",
                                        "SELECT purpose, COUNT(*) AS loans FROM t1 GROUP BY purpose"), 160, 160),
                                node("typo", "sql-query", Map.of("query", "SELECT agee FROM t1"), 440, 160)),
                        "edges", List.of(edge("credit", "counts"), edge("credit", "typo"))))));
        browser.open(url("/experiments/" + created.get("id").asString()));
        browser.find("g[data-cell-id='typo']");

        recordRunButton();
        browser.click("#run-experiment");
        // While the run goes on (its engine takes seconds to start), the toolbar says how far it is.
        browser.until(Duration.ofSeconds(60), d -> browser.find("#run-progress-text").isDisplayed()
                || "failed".equals(browser.nodeState("typo")));
        // Run said "Starting…" and took no click until the server had started the run; then it stayed disabled
        // while the run went on.
        browser.until(RUN_TIMEOUT, d -> runButtonHistory().contains("Run|disabled|running"));
        List<String> shown = runButtonHistory();
        int starting = shown.indexOf("Starting…|disabled|none");
        int running = shown.indexOf("Run|disabled|running");
        assertThat(starting).as("Starting… right after the click, in %s", shown).isPositive().isLessThan(running);
        assertThat(shown.subList(starting + 1, running)).as("from Starting… to running, in %s", shown)
                .allMatch(s -> s.startsWith("Run|disabled|"));
        browser.until(RUN_TIMEOUT, d -> "failed".equals(browser.find("#run-state").getAttribute("data-state")));
        assertThat(browser.nodeState("counts")).isEqualTo("succeeded");
        assertThat(browser.nodeState("typo")).isEqualTo("failed");
        assertThat(browser.findAll(".run-progress")).noneMatch(WebElement::isDisplayed);

        // The failure: the cause in plain words first, Spark's message folded below it.
        browser.selectNode("typo");
        browser.click("vaadin-tab[data-tab='results']");
        assertThat(browser.find("[data-result='error'] [data-cause='plain']").getText())
                .isEqualTo("Column 'agee' does not exist. Did you mean 'age'?");
        WebElement folded = browser.find("[data-result='error'] vaadin-details.error-details");
        assertThat(folded.getDomAttribute("opened")).isNull();
        assertThat(folded.findElement(org.openqa.selenium.By.cssSelector(".error-detail"))
                .getAttribute("textContent")).contains("UNRESOLVED_COLUMN").contains("SELECT agee FROM t1");

        // The failed node's log: its lines only, the failure among them as an error.
        browser.click("vaadin-tab[data-tab='log']");
        browser.until(Duration.ofSeconds(30), d -> !browser.findAll("#node-log .log-line[data-level='ERROR']")
                .isEmpty());
        assertThat(browser.find("#node-log").getText()).contains("Node 'typo' (sql-query) started")
                .contains("Node 'typo' (sql-query) failed").doesNotContain("Node 'counts'");
        browser.cleanScreenshot(SCREENSHOTS.resolve("node-log.png"));

        // The node that succeeded says how long it took, and its log says so too.
        browser.selectNode("counts");
        assertThat(browser.find("#node-timing").getText()).matches("\\d+ s|\\d+ min \\d+ s");
        browser.click("vaadin-tab[data-tab='log']");
        browser.until(Duration.ofSeconds(30), d -> browser.find("#node-log").getText()
                .contains("Node 'counts' (sql-query) succeeded in"));

        // With no node selected, the experiment panel shows the whole run's log, each line naming its node.
        browser.clickCanvas(820, 520);
        browser.until(Duration.ofSeconds(30), d -> browser.findAll("#run-log .log-node").stream()
                .map(WebElement::getText).toList().containsAll(List.of("credit", "counts", "typo")));
    }

    /**
     * Starts recording, in the page, each state the Run button shows with the run's: "text|enabled or
     * disabled|run state" ("none" before the first run). "Starting…" may last less long than a poll from the test.
     */
    private static void recordRunButton() {
        ((JavascriptExecutor) browser.driver).executeScript("""
                const history = window.runButtonHistory = [];
                const record = () => {
                  const run = document.querySelector('#run-experiment');
                  const state = document.querySelector('#run-state');
                  const shown = run.textContent.trim() + '|' + (run.hasAttribute('disabled') ? 'disabled' : 'enabled')
                      + '|' + ((state && state.getAttribute('data-state')) || 'none');
                  if (history[history.length - 1] !== shown) history.push(shown);
                };
                record();
                new MutationObserver(record).observe(document.body,
                    {subtree: true, childList: true, characterData: true, attributes: true});""");
    }

    @SuppressWarnings("unchecked")
    private static List<String> runButtonHistory() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
                "return window.runButtonHistory;");
    }

    private static Map<String, Object> node(String id, String component, Map<String, Object> params, int x, int y) {
        return Map.of("id", id, "component", component, "version", 1, "params", params,
                "position", Map.of("x", x, "y", y));
    }

    private static Map<String, Object> edge(String from, String to) {
        return Map.of("from", Map.of("node", from, "port", "out"), "to", Map.of("node", to, "port", "t1"));
    }
}
