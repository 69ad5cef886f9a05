package io.easel.studio.canvas;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Apache ECharts chart that resizes with its container. {@link #setOption} takes any ECharts option as JSON (no
 * functions); {@link #roc} and {@link #bars} build the charts the studio shows most. Default size: full width, 320px
 * high.
 */
@Tag("easel-chart")
@JsModule("./easel/easel-chart.ts")
@NpmPackage(value = "echarts", version = "6.1.0")
public class Chart extends Component implements HasSize {

    private static final String LINE_COLOR = "#2f6fde";
    private static final String BAR_COLOR = "#2f6fde";
    private static final String REFERENCE_COLOR = "#a0a7b4";

    private String option = "{}";

    public Chart() {
        setWidthFull();
        setHeight("320px");
        addAttachListener(event -> getElement().callJsFunction("setOption", option));
    }

    public Chart(String echartsOptionJson) {
        this();
        setOption(echartsOptionJson);
    }

    /** Replaces the chart's whole option, an ECharts option object as JSON. */
    public void setOption(String echartsOptionJson) {
        this.option = Objects.requireNonNull(echartsOptionJson, "echartsOptionJson");
        if (isAttached()) {
            getElement().callJsFunction("setOption", option);
        }
    }

    public String getOption() {
        return option;
    }

    /** A ROC curve from {@code [falsePositiveRate, truePositiveRate]} points, with the chance diagonal. */
    public static Chart roc(List<List<Double>> points) {
        return new Chart(rocOption(points, null));
    }

    /** A ROC curve titled e.g. "AUC 0.83". */
    public static Chart roc(List<List<Double>> points, String title) {
        return new Chart(rocOption(points, title));
    }

    /** Horizontal bars, first name on top (feature importances, metric comparisons). */
    public static Chart bars(List<String> names, List<Double> values, String title) {
        return new Chart(barsOption(names, values, title));
    }

    public static String rocOption(List<List<Double>> points, String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        title(option, title);
        option.put("grid", Map.of("left", 56, "right", 20, "top", title == null ? 20 : 44, "bottom", 48));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", unitAxis("FPR", 30));
        option.put("yAxis", unitAxis("TPR", 38));
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("name", "ROC");
        curve.put("type", "line");
        curve.put("data", points == null ? List.of() : points);
        curve.put("showSymbol", false);
        curve.put("lineStyle", Map.of("width", 2, "color", LINE_COLOR));
        curve.put("itemStyle", Map.of("color", LINE_COLOR));
        curve.put("areaStyle", Map.of("opacity", 0.08, "color", LINE_COLOR));
        Map<String, Object> chance = new LinkedHashMap<>();
        chance.put("type", "line");
        chance.put("data", List.of(List.of(0, 0), List.of(1, 1)));
        chance.put("showSymbol", false);
        chance.put("silent", true);
        chance.put("tooltip", Map.of("show", false));
        chance.put("lineStyle", Map.of("type", "dashed", "width", 1, "color", REFERENCE_COLOR));
        option.put("series", List.of(curve, chance));
        return ExperimentCanvas.write(option);
    }

    public static String barsOption(List<String> names, List<Double> values, String title) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(values, "values");
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(
                    "bars needs one value per name, got " + names.size() + " names and " + values.size() + " values");
        }
        Map<String, Object> option = new LinkedHashMap<>();
        title(option, title);
        option.put("grid", Map.of("left", 12, "right", 28, "top", title == null ? 12 : 40, "bottom", 12));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("xAxis", Map.of("type", "value", "splitLine", Map.of("lineStyle", Map.of("color", "#eef1f5"))));
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", new ArrayList<>(names),
                "axisTick", Map.of("show", false)));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "bar");
        series.put("data", new ArrayList<>(values));
        series.put("barMaxWidth", 22);
        series.put("itemStyle", Map.of("color", BAR_COLOR, "borderRadius", List.of(0, 3, 3, 0)));
        option.put("series", List.of(series));
        return ExperimentCanvas.write(option);
    }

    private static void title(Map<String, Object> option, String title) {
        if (title != null && !title.isBlank()) {
            option.put("title", Map.of("text", title, "left", "center", "top", 6,
                    "textStyle", Map.of("fontSize", 13, "fontWeight", 600)));
        }
    }

    /** A value axis from 0 to 1 (rates, probabilities), named in the middle, {@code nameGap} pixels off. */
    public static Map<String, Object> unitAxis(String name, int nameGap) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "value");
        axis.put("min", 0);
        axis.put("max", 1);
        axis.put("name", name);
        axis.put("nameLocation", "middle");
        axis.put("nameGap", nameGap);
        axis.put("splitLine", Map.of("lineStyle", Map.of("color", "#eef1f5")));
        return axis;
    }
}
