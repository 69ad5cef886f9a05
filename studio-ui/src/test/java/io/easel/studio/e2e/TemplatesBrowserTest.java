package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A new user's way to a first result (set up by {@link SignedInStudio}): the breast-cancer model comparison from the
 * start page's gallery runs green as it comes, its three evaluations are compared side by side with their ROC curves
 * overlaid, a deeper forest runs again, and the run history compares the two runs: the changed param highlighted, the
 * forest's evaluation in both runs.
 */
class TemplatesBrowserTest extends SignedInStudio {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    private static final List<String> NODES = List.of("data", "split", "logistic", "forest", "gbdt",
            "predictLogistic", "predictForest", "predictGbdt", "evaluateLogistic", "evaluateForest", "evaluateGbdt");

    @Test
    void shouldRunATemplateGreenCompareItsModelsAndCompareTwoRuns() {
        signedIn();
        browser.open(url("/"));
        WebElement gallery = browser.find("#template-gallery");
        if (gallery.getDomAttribute("opened") == null) {
            browser.click("#template-gallery vaadin-details-summary"); // folded: the workspace has experiments
        }
        assertThat(browser.findAll(".template-card")).hasSizeGreaterThanOrEqualTo(8);
        browser.cleanScreenshot(SCREENSHOTS.resolve("templates.png"));
        browser.click(".template-card[data-template='breast-cancer-comparison']");
        browser.until(Duration.ofSeconds(30), d -> d.getCurrentUrl().contains("/experiments/"));
        for (String node : NODES) {
            browser.find("g[data-cell-id='" + node + "']");
        }

        runToTheEnd();

        // The three models side by side, from the run.
        browser.click("#compare-evaluations-button");
        browser.find("#comparison-dialog");
        browser.until(Duration.ofSeconds(10), d -> browser.findAll(".compare-metrics [data-metric='auc']").size() == 3);
        for (WebElement auc : browser.findAll(".compare-metrics [data-metric='auc']")) {
            assertThat(Double.parseDouble(auc.getText().replace(",", ""))).isBetween(0.9, 1.0);
        }
        assertThat(browser.find("#compare-overlay").getDomAttribute("data-series")).isEqualTo("3");
        browser.find("#compare-overlay canvas");
        browser.scrollTo("#compare-overlay");
        browser.cleanScreenshot(SCREENSHOTS.resolve("compare-evaluations.png"));
        browser.click("#comparison-close");
        browser.until(Duration.ofSeconds(10), d -> browser.findAll("#comparison-close").stream()
                .noneMatch(WebElement::isDisplayed));

        // A deeper forest, run again: only the forest's branch runs.
        browser.selectNode("forest");
        browser.click("vaadin-tab[data-tab='params']");
        browser.type("[data-param='maxDepth']", Keys.chord(Keys.CONTROL, "a") + "8", false);
        runToTheEnd();

        // The history: two runs of two revisions; the earlier one compared with the latest.
        browser.click("#run-history-button");
        browser.find("#run-history-dialog");
        browser.until(Duration.ofSeconds(10), d -> browser.findAll("[data-age]").size() == 2);
        assertThat(browser.findAll("[data-metric='evaluateForest.auc']")).hasSize(2);
        browser.cleanScreenshot(SCREENSHOTS.resolve("run-history.png"));
        browser.click("[data-age='1'] [data-action='compare-latest']");
        browser.find("#comparison-dialog");
        WebElement params = browser.find("#compare-params");
        browser.until(Duration.ofSeconds(10), d -> params.getText().contains("maxDepth"));
        assertThat(params.getText()).contains("5").contains("8");
        browser.choose("#compare-node", "Random forest: evaluation");
        // The closed dialog of the three models (3 curves) may still be in the page; this one overlays two runs.
        browser.until(Duration.ofSeconds(10), d -> browser.findAll("#compare-overlay").stream()
                .anyMatch(c -> "2".equals(c.getDomAttribute("data-series"))));
        browser.scrollTo("#compare-params");
        browser.cleanScreenshot(SCREENSHOTS.resolve("compare-runs.png"));
    }

    private void runToTheEnd() {
        // Starting answers at once with the new run queued: its state replaces the last run's before this returns.
        browser.click("#run-experiment");
        browser.until(RUN_TIMEOUT, d -> {
            if (!browser.findAll("g[data-cell-id] [data-state='failed']").isEmpty()) {
                throw new AssertionError("A node failed: " + browser.find("easel-canvas").getText());
            }
            return "succeeded".equals(browser.find("#run-state").getAttribute("data-state"))
                    && NODES.stream().allMatch(n -> "succeeded".equals(browser.nodeState(n)));
        });
    }
}
