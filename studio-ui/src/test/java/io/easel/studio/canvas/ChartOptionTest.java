package io.easel.studio.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChartOptionTest {

    private static final ChartOption.Texts TEXTS = ChartOption.Texts.ENGLISH;
    private static final ChartOption.Axes AXES = new ChartOption.Axes("False positive rate", "True positive rate");

    private static JsonNode read(String option) {
        return ExperimentCanvas.JSON.readTree(option);
    }

    @Test
    void shouldDrawARocCurveOverTheChanceDiagonalOnUnitAxesTitledAsDeclared() {
        JsonNode option = read(ChartOption.curve(
                List.of(List.of(0.0, 0.0), List.of(0.2, 0.7), List.of(1.0, 1.0)), AXES, true, TEXTS));

        assertThat(option.at("/xAxis/max").asInt()).isEqualTo(1);
        assertThat(option.at("/xAxis/name").asString()).isEqualTo("False positive rate");
        assertThat(option.at("/yAxis/name").asString()).isEqualTo("True positive rate");
        assertThat(option.at("/series/0/data/1/1").asDouble()).isEqualTo(0.7);
        assertThat(option.at("/series/1/data").toString()).isEqualTo("[[0,0],[1,1]]");
        assertThat(option.at("/tooltip/confine").asBoolean()).as("tooltips stay inside the panel").isTrue();
        assertThat(option.at("/toolbox/feature/saveAsImage/title").asString()).isEqualTo("Save as PNG");
    }

    @Test
    void shouldFitTheAxisToTheDataWhenItLeavesTheUnitRangeAsALiftCurveDoes() {
        JsonNode option = read(ChartOption.curve(
                List.of(List.of(0.1, 2.8), List.of(0.5, 1.6), List.of(1.0, 1.0)), AXES, false, TEXTS));

        assertThat(option.at("/xAxis/max").asInt()).as("shares of rows stay on 0..1").isEqualTo(1);
        assertThat(option.at("/yAxis").has("max")).as("lift goes above 1").isFalse();
        assertThat(option.at("/series")).hasSize(1);
    }

    @Test
    void shouldRoundWhatTooltipsShowToFourSignificantDigits() {
        assertThat(ChartOption.round(0.9090909090909091)).isEqualTo(0.9091);
        assertThat(ChartOption.round(151.23456)).isEqualTo(151.2);
        assertThat(ChartOption.round(12345.678)).isEqualTo(12346.0);
        assertThat(ChartOption.round(12345.0)).as("whole numbers stay exact").isEqualTo(12345.0);
        JsonNode option = read(ChartOption.scatter(List.of(List.of(151.23456, 0.123456)), AXES, TEXTS));
        assertThat(option.at("/series/0/data/0").toString()).isEqualTo("[151.2,0.1235]");
        assertThat(option.at("/series/0/type").asString()).isEqualTo("scatter");
    }

    @Test
    void shouldDrawTheDiagonalOfAPerfectPredictionAcrossThePointsRange() {
        List<List<Double>> predictedAgainstActual = List.of(List.of(25.0, 40.0), List.of(310.0, 180.0),
                List.of(150.0, 12.5));

        JsonNode option = read(ChartOption.scatter(predictedAgainstActual, List.of(), AXES, true, TEXTS));

        assertThat(option.at("/series/0/type").asString()).isEqualTo("scatter");
        assertThat(option.at("/series/1/type").asString()).isEqualTo("line");
        assertThat(option.at("/series/1/data").toString()).isEqualTo("[[12.5,12.5],[310.0,310.0]]");
        assertThat(option.at("/series/1/silent").asBoolean()).isTrue();
        assertThat(read(ChartOption.scatter(predictedAgainstActual, AXES, TEXTS)).at("/series")).hasSize(1);
    }

    @Test
    void shouldListBarsTopDownInTheOrderGiven() {
        JsonNode option = read(ChartOption.bars(List.of("checking_status", "duration"), List.of(0.31, 0.12),
                new ChartOption.Axes("Rows", "Cluster"), TEXTS));

        assertThat(option.at("/yAxis/inverse").asBoolean()).isTrue();
        assertThat(option.at("/yAxis/data").toString()).isEqualTo("[\"checking_status\",\"duration\"]");
        assertThat(option.at("/yAxis/name").asString()).isEqualTo("Cluster");
        assertThat(option.at("/xAxis/name").asString()).isEqualTo("Rows");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[0.31,0.12]");
    }

    @Test
    void shouldRejectBarsWithoutOneValuePerName() {
        assertThatThrownBy(() -> ChartOption.bars(List.of("a", "b"), List.of(1.0), AXES, TEXTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 names and 1 values");
    }

    @Test
    void shouldLabelEachHistogramBinByItsEdges() {
        JsonNode option = read(ChartOption.histogram(List.of(-10.0, 0.0, 12.5), List.of(3L, 7L),
                new ChartOption.Axes("Residual", "Rows"), TEXTS));

        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"-10 – 0\",\"0 – 12.5\"]");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[3,7]");
        assertThat(option.at("/yAxis/name").asString()).isEqualTo("Rows");
    }

    @Test
    void shouldShowAConfusionMatrixAsCountsOrAsEachActualClassesShares() {
        List<String> labels = List.of("setosa", "versicolor");
        List<List<Double>> counts = List.of(List.of(9.0, 1.0), List.of(0.0, 5.0));

        JsonNode plain = read(ChartOption.matrix(labels, counts, new ChartOption.Axes("Predicted", "Actual"), false,
                TEXTS));
        assertThat(plain.at("/series/0/type").asString()).isEqualTo("heatmap");
        assertThat(plain.at("/yAxis/inverse").asBoolean()).as("first actual class on top").isTrue();
        // Cell (actual setosa, predicted versicolor): x = column 1, y = row 0.
        assertThat(plain.at("/series/0/data/1/value").toString()).isEqualTo("[1,0,1.0]");
        assertThat(plain.at("/series/0/data/1/label/formatter").asString()).isEqualTo("1");
        assertThat(plain.at("/series/0/data/1/tooltip/formatter").asString())
                .isEqualTo("setosa → versicolor: 1 (10%)");
        assertThat(plain.at("/visualMap/max").asDouble()).isEqualTo(9.0);

        JsonNode shares = read(ChartOption.matrix(labels, counts, new ChartOption.Axes("Predicted", "Actual"), true,
                TEXTS));
        assertThat(shares.at("/series/0/data/0/value/2").asDouble()).isEqualTo(0.9);
        assertThat(shares.at("/series/0/data/0/label/formatter").asString()).isEqualTo("90%");
        assertThat(shares.at("/visualMap/max").asDouble()).isEqualTo(1.0);
    }

    @Test
    void shouldColourSignedValuesOnAScaleSymmetricAroundZero() {
        List<String> labels = List.of("petal_length", "sepal_width");
        List<List<Double>> correlations = List.of(List.of(1.0, -0.428), List.of(-0.428, 1.0));

        JsonNode option = read(ChartOption.signedMatrix(labels, correlations, new ChartOption.Axes("", ""), TEXTS));

        assertThat(option.at("/series/0/type").asString()).isEqualTo("heatmap");
        assertThat(option.at("/visualMap/min").asDouble()).isEqualTo(-1.0);
        assertThat(option.at("/visualMap/max").asDouble()).isEqualTo(1.0);
        assertThat(option.at("/series/0/data/1/value").toString()).isEqualTo("[1,0,-0.428]");
        assertThat(option.at("/series/0/data/1/tooltip/formatter").asString())
                .isEqualTo("petal_length ~ sepal_width: -0.428");
    }

    @Test
    void shouldLetEveryChartBeSavedAsAnImageWithTooltipsKeptInsideIt() {
        List<List<Double>> points = List.of(List.of(0.0, 0.0), List.of(0.5, 0.8), List.of(1.0, 1.0));
        List<String> labels = List.of("a", "b");
        List<List<Double>> square = List.of(List.of(3.0, 1.0), List.of(0.0, 4.0));
        ChartOption.Texts chinese = new ChartOption.Texts("保存为图片", "缩放", "还原缩放");
        List<String> options = List.of(ChartOption.curve(points, AXES, true, chinese),
                ChartOption.scatter(points, AXES, chinese),
                ChartOption.bars(labels, List.of(0.5, 0.25), AXES, chinese),
                ChartOption.histogram(List.of(0.0, 1.0, 2.0), List.of(4L, 2L), AXES, chinese),
                ChartOption.matrix(labels, square, AXES, false, chinese),
                ChartOption.signedMatrix(labels, List.of(List.of(1.0, -0.5), List.of(-0.5, 1.0)), AXES, chinese));

        for (String each : options) {
            JsonNode option = read(each);
            assertThat(option.at("/tooltip/confine").asBoolean()).as(each).isTrue();
            assertThat(option.at("/toolbox/feature/saveAsImage/title").asString()).as(each).isEqualTo("保存为图片");
            assertThat(option.at("/animation").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldZoomCurvesAndScattersWithTheToolboxOrTheWheelWhileCtrlIsHeld() {
        for (String each : List.of(ChartOption.curve(List.of(List.of(0.0, 0.1), List.of(1.0, 0.9)), AXES, false,
                TEXTS), ChartOption.scatter(List.of(List.of(3.0, 4.0)), AXES, TEXTS))) {
            JsonNode option = read(each);
            assertThat(option.at("/toolbox/feature/dataZoom/title/zoom").asString()).isEqualTo("Zoom");
            assertThat(option.at("/toolbox/feature/dataZoom/title/back").asString()).isEqualTo("Reset zoom");
            assertThat(option.at("/dataZoom")).hasSize(2);
            assertThat(option.at("/dataZoom/0/type").asString()).isEqualTo("inside");
            assertThat(option.at("/dataZoom/0/xAxisIndex").asInt()).isZero();
            assertThat(option.at("/dataZoom/1/yAxisIndex").asInt()).isZero();
            assertThat(option.at("/dataZoom/0/zoomOnMouseWheel").asString())
                    .as("a plain wheel scrolls the panel, not the chart").isEqualTo("ctrl");
            assertThat(option.at("/dataZoom/0/filterMode").asString()).isEqualTo("none");
        }
        JsonNode bars = read(ChartOption.bars(List.of("a"), List.of(1.0), AXES, TEXTS));
        assertThat(bars.has("dataZoom")).as("bars are not zoomed").isFalse();
    }

    @Test
    void shouldRoundBarsAndKeepCountsWhole() {
        JsonNode bars = read(ChartOption.bars(List.of("x", "y"), List.of(0.9090909090909091, 1234.5678), AXES,
                TEXTS));
        assertThat(bars.at("/series/0/data").toString()).isEqualTo("[0.9091,1235.0]");

        JsonNode histogram = read(ChartOption.histogram(List.of(0.1234567, 0.2, 0.3), List.of(12L, 7L), AXES,
                TEXTS));
        assertThat(histogram.at("/series/0/data").toString()).as("counts stay integers").isEqualTo("[12,7]");
        assertThat(histogram.at("/xAxis/data/0").asString()).isEqualTo("0.1235 – 0.2");
    }

    @Test
    void shouldColourEachGroupOfAScatterAndOrderNumberedGroupsByNumber() {
        List<List<Double>> points = List.of(List.of(1.0, 2.0), List.of(3.0, 4.0), List.of(5.0, 6.123456),
                List.of(7.0, 8.0));

        JsonNode option = read(ChartOption.scatter(points, List.of("10", "2", "10", "0"),
                new ChartOption.Axes("First principal component", "Second principal component"), TEXTS));

        assertThat(option.at("/series")).hasSize(3);
        assertThat(option.at("/series").valueStream().map(s -> s.get("name").asString()).toList())
                .containsExactly("0", "2", "10");
        assertThat(option.at("/series/2/data").toString()).isEqualTo("[[1.0,2.0],[5.0,6.123]]");
        assertThat(option.at("/series/0/itemStyle/color").asString())
                .isNotEqualTo(option.at("/series/1/itemStyle/color").asString());
        assertThat(option.has("legend")).isTrue();
        assertThat(option.at("/tooltip/trigger").asString()).isEqualTo("item");
        assertThatThrownBy(() -> ChartOption.scatter(points, List.of("a"), AXES, TEXTS))
                .hasMessageContaining("4 points and 1 groups");
    }

    @Test
    void shouldDrawTheTwoByTwoConfusionOfABinaryClassifierWithoutDividingByAnEmptyRow() {
        List<String> labels = List.of("Not bad", "bad");
        // nothing scored at or above a threshold of 1: no true or false positives
        List<List<Double>> counts = List.of(List.of(105.0, 0.0), List.of(45.0, 0.0));

        JsonNode shares = read(ChartOption.matrix(labels, counts, new ChartOption.Axes("Predicted", "Actual"), true,
                TEXTS));

        assertThat(shares.at("/series/0/data")).hasSize(4);
        assertThat(shares.at("/series/0/data/2/tooltip/formatter").asString()).isEqualTo("bad → Not bad: 45 (100%)");
        assertThat(shares.at("/series/0/data/3/label/formatter").asString()).isEqualTo("0%");
        JsonNode empty = read(ChartOption.matrix(labels, List.of(List.of(0.0, 0.0), List.of(0.0, 0.0)),
                new ChartOption.Axes("Predicted", "Actual"), true, TEXTS));
        assertThat(empty.at("/series/0/data/0/label/formatter").asString()).isEqualTo("0%");
        assertThat(empty.at("/visualMap/max").asDouble()).as("a scale even with nothing counted").isEqualTo(1.0);
    }
}
