package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    /** Two rows of the binary evaluation's "thresholds" table, as the engine writes it. */
    private static final Map<String, Object> THRESHOLDS = Map.of(
            "columns", List.of("threshold", "tpr", "fpr", "precision", "recall", "f1", "accuracy",
                    "predictedPositiveShare", "truePositives", "falsePositives", "trueNegatives", "falseNegatives"),
            "rows", List.of(
                    List.of(0.37, 1.0, 0.5, 2.0 / 3, 1.0, 0.8, 0.75, 0.75, 2, 1, 1, 0),
                    List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0, 0, 0, 2, 2)));

    @Test
    void shouldReadTheConfusionAtEachThresholdFromTheEnginesTable() {
        List<ChartData.Cut> cuts = ChartData.thresholds(THRESHOLDS).orElseThrow();

        assertThat(cuts).hasSize(2);
        ChartData.Cut first = cuts.getFirst();
        assertThat(first.threshold()).isEqualTo(0.37);
        assertThat(first.precision()).isEqualTo(2.0 / 3);
        assertThat(first.f1()).isEqualTo(0.8);
        assertThat(first.accuracy()).isEqualTo(0.75);
        // rows actual (negative, positive), columns predicted
        assertThat(first.matrix()).isEqualTo(List.of(List.of(1.0, 1.0), List.of(0.0, 2.0)));
        assertThat(cuts.getLast().matrix()).isEqualTo(List.of(List.of(2.0, 0.0), List.of(2.0, 0.0)));
    }

    @Test
    void shouldLeaveOtherTablesToBeShownAsTables() {
        Map<String, Object> perClass = Map.of("columns", List.of("class", "precision", "recall", "f1", "support"),
                "rows", List.of(List.of("setosa", 1.0, 1.0, 1.0, 12)));
        Map<String, Object> textCount = Map.of("columns", THRESHOLDS.get("columns"),
                "rows", List.of(List.of(0.5, 1.0, 0.5, 0.6, 1.0, 0.8, 0.75, 0.75, "two", 1, 1, 0)));

        assertThat(ChartData.thresholds(perClass)).isEmpty();
        assertThat(ChartData.thresholds(textCount)).isEmpty();
        assertThat(ChartData.table(perClass)).isPresent();
    }

    @Test
    void shouldReadTheGroupOfEachPointWhenEveryPointHasOne() {
        List<List<Object>> clustered = List.of(List.of(0.5, 1.5, 0), List.of(2.0, -1.0, 2));

        assertThat(ChartData.groups(clustered)).containsExactly("0", "2");
        assertThat(ChartData.points(clustered).orElseThrow()).containsExactly(List.of(0.5, 1.5), List.of(2.0, -1.0));
        assertThat(ChartData.groups(List.of(List.of(0.5, 1.5, 0), List.of(2.0, -1.0)))).isEmpty();
        assertThat(ChartData.groups(List.of(List.of(1.0, 2.0)))).isEmpty();
    }
}
