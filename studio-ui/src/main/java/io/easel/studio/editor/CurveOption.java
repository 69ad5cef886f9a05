package io.easel.studio.editor;

import io.easel.studio.canvas.Chart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** An ECharts option for a curve over the unit square (precision–recall and the like). */
final class CurveOption {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLOR = "#7c3aed";

    private CurveOption() {}

    static String of(List<List<Double>> points, String xName, String yName) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("grid", Map.of("left", 56, "right", 20, "top", 20, "bottom", 48));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Chart.unitAxis(xName, 30));
        option.put("yAxis", Chart.unitAxis(yName, 38));
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("type", "line");
        curve.put("data", points);
        curve.put("showSymbol", false);
        curve.put("lineStyle", Map.of("width", 2, "color", COLOR));
        curve.put("itemStyle", Map.of("color", COLOR));
        curve.put("areaStyle", Map.of("opacity", 0.08, "color", COLOR));
        option.put("series", List.of(curve));
        return JSON.writeValueAsString(option);
    }
}
