package io.easel.studio.editor;

import io.easel.studio.canvas.ChartOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ECharts option of several curves of one kind on the same axes (the ROC curves of several models, or of the
 * same evaluation in two runs), each named in the legend, with the chance diagonal where the chart has one.
 */
final class CurveOverlay {

    /** Distinct at a glance, also for the common kinds of colour blindness (Okabe–Ito). */
    private static final List<String> COLORS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#000000");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One named curve. */
    record Series(String name, List<List<Double>> points) {}

    private CurveOverlay() {}

    static String option(List<Series> curves, ChartOption.Axes axes, boolean diagonal, ChartOption.Texts texts) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("color", COLORS);
        option.put("legend", Map.of("top", 0, "left", 0, "type", "scroll", "right", 90));
        option.put("tooltip", Map.of("trigger", "item", "confine", true));
        option.put("toolbox", Map.of("right", 8, "top", 0, "itemSize", 13, "feature", Map.of("dataZoom",
                Map.of("title", Map.of("zoom", texts.zoom(), "back", texts.resetZoom())), "saveAsImage",
                Map.of("title", texts.saveAsImage(), "pixelRatio", 2))));
        option.put("grid", Map.of("left", 56, "right", 24, "top", 40, "bottom", 48));
        option.put("xAxis", axis(axes.x(), 30));
        option.put("yAxis", axis(axes.y(), 44));
        List<Object> series = new ArrayList<>();
        for (Series curve : curves) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "line");
            line.put("name", curve.name());
            line.put("data", curve.points().stream().map(p -> p.stream().map(ChartOption::round).toList()).toList());
            line.put("showSymbol", false);
            line.put("lineStyle", Map.of("width", 2));
            series.add(line);
        }
        if (diagonal) {
            Map<String, Object> chance = new LinkedHashMap<>();
            chance.put("type", "line");
            chance.put("data", List.of(List.of(0, 0), List.of(1, 1)));
            chance.put("showSymbol", false);
            chance.put("silent", true);
            chance.put("tooltip", Map.of("show", false));
            chance.put("lineStyle", Map.of("type", "dashed", "width", 1, "color", "#a0a7b4"));
            series.add(chance);
        }
        option.put("series", series);
        return JSON.writeValueAsString(option);
    }

    private static Map<String, Object> axis(String name, int nameGap) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "value");
        axis.put("scale", true);
        axis.put("name", name);
        axis.put("nameLocation", "middle");
        axis.put("nameGap", nameGap);
        axis.put("splitLine", Map.of("lineStyle", Map.of("color", "#eef1f5")));
        return axis;
    }
}
