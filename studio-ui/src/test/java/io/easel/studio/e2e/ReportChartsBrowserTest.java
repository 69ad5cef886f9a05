package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's interactive reports, in the browser: a binary classifier (breast cancer, logistic regression) whose
 * threshold is slid, moving its rates and its 2 × 2 confusion live; a multiclass confusion heat map (iris, decision
 * tree) as counts and as row shares; iris's k-means clusters on their first two principal components; and the
 * column statistics of the iris table. One experiment, posted through the REST API and run once.
 */
class ReportChartsBrowserTest extends SignedInStudio {


    @Test
    void shouldSlideTheThresholdOfABinaryClassifierAndDrawEveryConfusionAsAHeatMap() throws Exception {
        signedIn();
        JsonNode created = createExperiment("Report charts",
                "A binary threshold, a multiclass heat map and clusters on a plane", "report-charts.json");
        List<String> nodes = created.at("/graph/nodes").valueStream().map(n -> n.get("id").asString()).toList();
        browser.open(url("/experiments/" + created.get("id").asString()));
        browser.find("g[data-cell-id='cancer-evaluation']");
        runAndWaitFor(nodes);

        // The binary report starts at its own threshold, 0.5, with the confusion counted there.
        openResults("cancer-evaluation");
        assertThat(browser.find(".threshold-explorer").getAttribute("data-threshold")).isEqualTo("0.5");
        List<Long> atHalf = confusion();
        long negatives = atHalf.get(0) + atHalf.get(1);
        long positives = atHalf.get(2) + atHalf.get(3);
        assertThat(browser.find(".threshold-explorer [data-metric='accuracy'] .metric-value").getText())
                .as("the report's own accuracy, at its threshold")
                .isEqualTo(browser.find(".report-result > .metric-tiles [data-metric='accuracy'] .metric-value")
                        .getText());

        // Slid to 0: every row is predicted positive.
        browser.find(".threshold-slider").sendKeys(Keys.HOME);
        browser.until(Duration.ofSeconds(10), d -> "0.0".equals(explorerThreshold()));
        assertThat(confusion()).containsExactly(0L, negatives, 0L, positives);

        // Slid up a hundredth at a time to 0.8: fewer rows predicted positive, none lost.
        for (int step = 0; step < 80; step++) {
            browser.find(".threshold-slider").sendKeys(Keys.ARROW_RIGHT);
        }
        browser.until(Duration.ofSeconds(10), d -> "0.8".equals(explorerThreshold()));
        List<Long> high = confusion();
        assertThat(high.get(0) + high.get(1)).isEqualTo(negatives);
        assertThat(high.get(2) + high.get(3)).isEqualTo(positives);
        assertThat(high.get(1)).as("false positives at 0.8 against 0.5").isLessThanOrEqualTo(atHalf.get(1));
        assertThat(high.get(3)).as("true positives at 0.8 against 0.5").isLessThanOrEqualTo(atHalf.get(3));
        double precision = (double) high.get(3) / (high.get(3) + high.get(1));
        assertThat(tile("precision")).isCloseTo(precision, within(1e-4));
        assertThat(tile("recall")).isCloseTo((double) high.get(3) / positives, within(1e-4));
        assertThat(tile("accuracy")).isCloseTo((double) (high.get(0) + high.get(3)) / (positives + negatives),
                within(1e-4));
        browser.scrollTo("[data-chart='thresholds']");
        browser.cleanScreenshot(SCREENSHOTS.resolve("results-threshold.png"));

        // Iris by a decision tree: a 3 × 3 heat map of counts whose diagonal is the accuracy, then of each actual
        // class's shares, which add up to 1 a row.
        openResults("iris-evaluation");
        assertThat(browser.chartOption("confusion", "option.series[0].type")).isEqualTo("heatmap");
        List<Double> counts = cells("confusion");
        assertThat(counts).hasSize(9);
        double right = counts.get(0) + counts.get(4) + counts.get(8);
        assertThat(right / counts.stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(Double.parseDouble(browser.find("[data-metric='accuracy'] .metric-value").getText()),
                        within(1e-4));
        browser.click("[data-chart='confusion'] vaadin-tab[data-matrix-view='row-shares']");
        browser.until(Duration.ofSeconds(10), d -> String.valueOf(browser.chartOption("confusion",
                "option.series[0].data[0].label.formatter")).endsWith("%"));
        List<Double> shares = cells("confusion");
        for (int row = 0; row < 3; row++) {
            assertThat(shares.subList(3 * row, 3 * row + 3).stream().mapToDouble(Double::doubleValue).sum())
                    .as("row %s", row).isCloseTo(1.0, within(1e-3));
        }
        assertThat(browser.find("[data-chart='perClass']").getText()).contains("setosa", "virginica");
        browser.scrollTo("[data-chart='confusion']");
        browser.cleanScreenshot(SCREENSHOTS.resolve("results-heat-map.png"));

        // Iris's clusters on a plane, one colour each, every row drawn.
        openResults("iris-clusters-evaluation");
        List<?> points = (List<?>) browser.chartOption("projection", "option.series.map(s => s.data.length)");
        assertThat(points).hasSize(3);
        assertThat(points.stream().mapToLong(n -> ((Number) n).longValue()).sum()).isEqualTo(150);
        assertThat(browser.chartOption("projection", "option.dataZoom[0].type")).isEqualTo("inside");
        browser.scrollTo("[data-chart='projection']");
        browser.cleanScreenshot(SCREENSHOTS.resolve("results-cluster-projection.png"));

        // The iris table's column statistics, computed by the engine when their tab first opens.
        openResults("iris");
        browser.click("[data-port='out'] vaadin-tab[data-tab='statistics']");
        browser.until(Duration.ofMinutes(2), d -> !"computing".equals(browser.find(".column-statistics")
                .getAttribute("data-state")));
        assertThat(browser.find(".column-statistics").getAttribute("data-state"))
                .as(browser.find(".column-statistics").getText()).isEqualTo("ready");
        assertThat(browser.find(".statistics-summary").getText()).startsWith("150 rows · 5 columns");
        assertThat(browser.find(".statistics-grid [data-column='species']").getAttribute("data-distinct"))
                .isEqualTo("3");
        assertThat(browser.find(".statistics-grid [data-column='species']").getAttribute("data-missing"))
                .isEqualTo("0");
        assertThat(browser.find(".statistics-histogram").getAttribute("data-column")).isEqualTo("sepal_length_cm");
        assertThat(((Number) browser.chartOption("column-histogram",
                "option.series[0].data.reduce((sum, count) => sum + count, 0)")).longValue()).isEqualTo(150);
        browser.scrollTo(".column-statistics");
        browser.cleanScreenshot(SCREENSHOTS.resolve("results-column-statistics.png"));

        // In Chinese, the slider speaks Chinese.
        browser.click(".language-option[data-lang='zh']");
        openResults("cancer-evaluation");
        browser.until(Duration.ofSeconds(10), d -> browser.find(".threshold-name").getText().equals("阈值"));
        browser.click(".language-option[data-lang='en']");
    }

    private String explorerThreshold() {
        return browser.find(".threshold-explorer").getAttribute("data-threshold");
    }

    /** The 2 × 2 confusion the explorer draws: true negatives, false positives, false negatives, true positives. */
    private List<Long> confusion() {
        return cells("thresholds").stream().map(Double::longValue).toList();
    }

    /** A heat map's cells row by row, as drawn: counts, or shares. */
    private List<Double> cells(String chart) {
        return ((List<?>) browser.chartOption(chart, "option.series[0].data.map(cell => cell.value[2])")).stream()
                .map(n -> ((Number) n).doubleValue()).toList();
    }

    private double tile(String metric) {
        String shown = browser.find(".threshold-explorer [data-metric='" + metric + "'] .metric-value").getText();
        return Double.parseDouble(shown.replace(",", ""));
    }
}
