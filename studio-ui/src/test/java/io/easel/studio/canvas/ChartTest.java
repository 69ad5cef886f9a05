package io.easel.studio.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChartTest {

    @Test
    void shouldDrawTheRocCurveOverTheChanceDiagonalOnUnitAxes() {
        JsonNode option = ExperimentCanvas.JSON.readTree(
                Chart.rocOption(List.of(List.of(0.0, 0.0), List.of(0.2, 0.7), List.of(1.0, 1.0)), "AUC 0.81"));

        assertThat(option.at("/title/text").asString()).isEqualTo("AUC 0.81");
        assertThat(option.at("/xAxis/max").asInt()).isEqualTo(1);
        assertThat(option.at("/series/0/data/1/1").asDouble()).isEqualTo(0.7);
        assertThat(option.at("/series/1/data").toString()).isEqualTo("[[0,0],[1,1]]");
    }

    @Test
    void shouldListBarsTopDownInTheOrderGiven() {
        JsonNode option = ExperimentCanvas.JSON.readTree(
                Chart.barsOption(List.of("checking_status", "duration"), List.of(0.31, 0.12), null));

        assertThat(option.has("title")).isFalse();
        assertThat(option.at("/yAxis/inverse").asBoolean()).isTrue();
        assertThat(option.at("/yAxis/data").toString()).isEqualTo("[\"checking_status\",\"duration\"]");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[0.31,0.12]");
    }

    @Test
    void shouldRejectBarsWithoutOneValuePerName() {
        assertThatThrownBy(() -> Chart.barsOption(List.of("a", "b"), List.of(1.0), "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 names and 1 values");
    }
}
