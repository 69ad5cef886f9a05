package io.easel.studio.canvas;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ECharts options (as JSON) for the chart kinds reports declare: curves, scatter, bars, histograms and matrices. All
 * share what an analyst expects of a chart: axis titles, tooltips kept inside the chart, numbers rounded to what a
 * reader can take in, zoom where points are dense, and export as PNG. Axes span 0 to 1 only when the data lies there.
 */
public final class ChartOption {

    private static final String LINE_COLOR = "#2f6fde";
    private static final String REFERENCE_COLOR = "#a0a7b4";
    private static final String GRID_LINE_COLOR = "#eef1f5";
    private static final List<String> HEAT_COLORS = List.of("#f4f7fd", "#9dbbf0", "#2f6fde", "#173f8f");
    /** Blue below 0, white at 0, red above: a diverging scale for signed values such as correlations. */
    private static final List<String> SIGNED_HEAT_COLORS = List.of("#173f8f", "#9dbbf0", "#ffffff", "#f2a7a0",
            "#b3261e");
    /** Colours told apart at a glance, for the groups of a scatter (e.g. clusters). */
    private static final List<String> GROUP_COLORS = List.of("#2f6fde", "#e8743b", "#19a979", "#945ecf",
            "#ed4a7b", "#13a4b4", "#bf9d1f", "#6c7a89");
    private static final int SIGNIFICANT_DIGITS = 4;

    /** The words a chart's toolbox shows, in the UI's language. */
    public record Texts(String saveAsImage, String zoom, String resetZoom) {
        public static final Texts ENGLISH = new Texts("Save as PNG", "Zoom", "Reset zoom");
    }

    /**
     * How the axes are titled.
     *
     * @param x the horizontal axis title, or empty
     * @param y the vertical axis title, or empty
     */
    public record Axes(String x, String y) {
        public Axes {
            x = x == null ? "" : x;
            y = y == null ? "" : y;
        }
    }

    private ChartOption() {}

    /** A line through {@code [x, y]} points; {@code diagonal} adds y = x for reference (ROC, gain). */
    public static String curve(List<List<Double>> points, Axes axes, boolean diagonal, Texts texts) {
        Map<String, Object> option = xy(points, axes, "axis", texts);
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("type", "line");
        curve.put("data", rounded(points));
        curve.put("showSymbol", false);
        curve.put("lineStyle", Map.of("width", 2, "color", LINE_COLOR));
        curve.put("itemStyle", Map.of("color", LINE_COLOR));
        curve.put("areaStyle", Map.of("opacity", 0.08, "color", LINE_COLOR));
        List<Object> series = new ArrayList<>(List.of(curve));
        if (diagonal) {
            series.add(reference(List.of(List.of(0, 0), List.of(1, 1))));
        }
        option.put("series", series);
        return ExperimentCanvas.write(option);
    }

    /** Points, e.g. predicted against actual values. */
    public static String scatter(List<List<Double>> points, Axes axes, Texts texts) {
        return scatter(points, List.of(), axes, texts);
    }

    /**
     * Points, each in the group of the same index (e.g. its cluster) when {@code groups} is not empty: one colour per
     * group, groups in numeric order when they are numbers (else in the order met), named in a legend that can hide
     * one.
     */
    public static String scatter(List<List<Double>> points, List<String> groups, Axes axes, Texts texts) {
        return scatter(points, groups, axes, false, texts);
    }

    /**
     * Points as {@link #scatter(List, List, Axes, Texts)} draws them; {@code diagonal} adds y = x across the range of
     * both coordinates, on which a perfect prediction lies (predicted against actual).
     */
    public static String scatter(List<List<Double>> points, List<String> groups, Axes axes, boolean diagonal,
            Texts texts) {
        if (!groups.isEmpty() && groups.size() != points.size()) {
            throw new IllegalArgumentException("a grouped scatter needs one group per point, got " + points.size()
                    + " points and " + groups.size() + " groups");
        }
        Map<String, Object> option = xy(points, axes, "item", texts);
        int symbolSize = points.size() > 300 ? 4 : 6;
        List<Object> diagonalLine = diagonal ? diagonal(points) : List.of();
        if (groups.isEmpty()) {
            List<Object> series = new ArrayList<>(List.of(scatterSeries(null, rounded(points), symbolSize,
                    LINE_COLOR)));
            series.addAll(diagonalLine);
            option.put("series", series);
            return ExperimentCanvas.write(option);
        }
        Map<String, List<List<Double>>> byGroup = new LinkedHashMap<>();
        for (String group : inGroupOrder(groups)) {
            byGroup.put(group, new ArrayList<>());
        }
        for (int i = 0; i < points.size(); i++) {
            List<Double> point = points.get(i);
            byGroup.get(groups.get(i)).add(List.of(round(point.get(0)), round(point.get(1))));
        }
        List<Object> series = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<List<Double>>> group : byGroup.entrySet()) {
            series.add(scatterSeries(group.getKey(), group.getValue(), symbolSize,
                    GROUP_COLORS.get(index++ % GROUP_COLORS.size())));
        }
        series.addAll(diagonalLine);
        option.put("series", series);
        option.put("legend", Map.of("top", 0, "left", "center", "type", "scroll", "itemHeight", 10));
        option.put("grid", Map.of("left", 56, "right", 24, "top", 40, "bottom", 48));
        return ExperimentCanvas.write(option);
    }

    private static Map<String, Object> scatterSeries(String name, List<List<Double>> data, int symbolSize,
            String color) {
        Map<String, Object> scatter = new LinkedHashMap<>();
        scatter.put("type", "scatter");
        if (name != null) {
            scatter.put("name", name);
        }
        scatter.put("data", data);
        scatter.put("symbolSize", symbolSize);
        scatter.put("itemStyle", Map.of("color", color, "opacity", 0.6));
        return scatter;
    }

    private static List<String> inGroupOrder(List<String> groups) {
        List<String> distinct = groups.stream().distinct().toList();
        boolean numbers = distinct.stream().allMatch(g -> g.matches("-?\\d+(\\.\\d+)?"));
        return numbers ? distinct.stream().sorted(Comparator.comparingDouble(Double::parseDouble)).toList()
                : distinct;
    }

    /** Horizontal bars, first name on top, in the order given. */
    public static String bars(List<String> names, List<Double> values, Axes axes, Texts texts) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(values, "values");
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(
                    "bars needs one value per name, got " + names.size() + " names and " + values.size() + " values");
        }
        Map<String, Object> option = base(texts, false);
        option.put("grid", Map.of("left", 12, "right", 36, "top", 28, "bottom", axes.x().isEmpty() ? 12 : 36,
                "containLabel", true));
        option.put("tooltip", Map.of("trigger", "axis", "confine", true, "axisPointer", Map.of("type", "shadow")));
        Map<String, Object> x = valueAxis(axes.x(), 26, values);
        x.put("scale", false); // a bar's length is its value: bars start at 0
        option.put("xAxis", x);
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("type", "category");
        y.put("inverse", true);
        y.put("data", new ArrayList<>(names));
        y.put("axisTick", Map.of("show", false));
        if (!axes.y().isEmpty()) {
            y.put("name", axes.y());
            y.put("nameLocation", "start"); // the top, on an inverse axis
        }
        option.put("yAxis", y);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "bar");
        series.put("data", values.stream().map(ChartOption::round).toList());
        series.put("barMaxWidth", 22);
        series.put("itemStyle", Map.of("color", LINE_COLOR, "borderRadius", List.of(0, 3, 3, 0)));
        series.put("label", Map.of("show", names.size() <= 20, "position", "right", "fontSize", 11));
        option.put("series", List.of(series));
        return ExperimentCanvas.write(option);
    }

    /** Counts between consecutive {@code edges} (one more edge than counts), as touching bars. */
    public static String histogram(List<Double> edges, List<Long> counts, Axes axes, Texts texts) {
        if (edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs one edge more than counts, got " + edges.size()
                    + " edges and " + counts.size() + " counts");
        }
        Map<String, Object> option = base(texts, false);
        option.put("grid", grid(56));
        option.put("tooltip", Map.of("trigger", "axis", "confine", true, "axisPointer", Map.of("type", "shadow")));
        List<String> bins = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            bins.add(plain(edges.get(i)) + " – " + plain(edges.get(i + 1)));
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", "category");
        x.put("data", bins);
        x.put("name", axes.x());
        x.put("nameLocation", "middle");
        x.put("nameGap", 30);
        x.put("axisLabel", Map.of("hideOverlap", true, "fontSize", 11));
        option.put("xAxis", x);
        option.put("yAxis", valueAxis(axes.y(), 44, counts.stream().map(Long::doubleValue).toList()));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "bar");
        series.put("data", counts);
        series.put("barCategoryGap", "4%");
        series.put("itemStyle", Map.of("color", LINE_COLOR));
        option.put("series", List.of(series));
        return ExperimentCanvas.write(option);
    }

    /**
     * A heat map of a square matrix such as a confusion matrix: rows (actual) top-down, columns (predicted) left to
     * right. Cells show the counts, or with {@code rowShares} each row's share of its total, and their tooltips both.
     */
    public static String matrix(List<String> labels, List<List<Double>> values, Axes axes, boolean rowShares,
            Texts texts) {
        int n = square(labels, values);
        List<Object> cells = new ArrayList<>();
        double largest = 0;
        for (int row = 0; row < n; row++) {
            double total = values.get(row).stream().mapToDouble(Double::doubleValue).sum();
            for (int col = 0; col < n; col++) {
                double count = values.get(row).get(col);
                double share = total == 0 ? 0 : count / total;
                double shown = rowShares ? share : count;
                largest = Math.max(largest, shown);
                String percent = plain(100 * share) + "%";
                cells.add(cell(col, row, shown, rowShares ? percent : plain(count), template(labels.get(row))
                        + " → " + template(labels.get(col)) + ": " + plain(count) + " (" + percent + ")"));
            }
        }
        return heatmap(labels, axes, texts, cells, 0, largest == 0 ? 1 : round(largest), HEAT_COLORS);
    }

    /**
     * A heat map of a symmetric matrix of signed values such as correlations: colours run from blue (most negative)
     * through white (0) to red (most positive), on a scale symmetric around 0.
     */
    public static String signedMatrix(List<String> labels, List<List<Double>> values, Axes axes, Texts texts) {
        int n = square(labels, values);
        List<Object> cells = new ArrayList<>();
        double largest = 0;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double value = values.get(row).get(col);
                largest = Math.max(largest, Math.abs(value));
                cells.add(cell(col, row, value, plain(value), template(labels.get(row)) + " ~ "
                        + template(labels.get(col)) + ": " + plain(value)));
            }
        }
        double bound = largest == 0 ? 1 : round(largest);
        return heatmap(labels, axes, texts, cells, -bound, bound, SIGNED_HEAT_COLORS);
    }

    /**
     * A sparkline: a small line from 0 up, without axes or grid lines, for a figure over time in a table cell; the
     * tooltip (drawn on the page, not clipped by the cell) names the figure and shows each point's label and value. A
     * null value is a gap: nothing was measured then.
     */
    public static String sparkline(String name, List<String> labels, List<Double> values) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 2, "right", 3, "top", 3, "bottom", 3)); // room for the end dots
        option.put("tooltip", Map.of("trigger", "axis", "appendTo", "body", "transitionDuration", 0));
        option.put("xAxis", Map.of("type", "category", "show", false, "boundaryGap", false, "data", labels));
        option.put("yAxis", Map.of("type", "value", "show", false, "min", 0));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "line");
        line.put("name", name);
        line.put("data", values.stream().map(value -> value == null ? null : round(value)).toList());
        line.put("symbol", "circle"); // small dots, so that a lone minute between gaps shows
        line.put("symbolSize", 3);
        line.put("lineStyle", Map.of("width", 1.5, "color", LINE_COLOR));
        line.put("itemStyle", Map.of("color", LINE_COLOR));
        line.put("areaStyle", Map.of("color", LINE_COLOR, "opacity", 0.12));
        option.put("series", List.of(line));
        return ExperimentCanvas.write(option);
    }

    private static int square(List<String> labels, List<List<Double>> values) {
        int n = labels.size();
        if (values.size() != n || values.stream().anyMatch(row -> row.size() != n)) {
            throw new IllegalArgumentException("a matrix needs " + n + " rows of " + n + " values, one per label");
        }
        return n;
    }

    private static Map<String, Object> cell(int col, int row, double shown, String label, String tooltip) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("value", List.of(col, row, round(shown)));
        cell.put("label", Map.of("formatter", label));
        cell.put("tooltip", Map.of("formatter", tooltip));
        return cell;
    }

    /** Rows top-down and columns left to right, both named by {@code labels}, cells coloured from min to max. */
    private static String heatmap(List<String> labels, Axes axes, Texts texts, List<Object> cells, double min,
            double max, List<String> colors) {
        int n = labels.size();
        Map<String, Object> option = base(texts, false);
        boolean rotated = n > 4;
        // The grid contains the axis labels but not the axis name, which sits nameGap below the axis line.
        option.put("grid", Map.of("left", 12, "right", 16, "top", 28, "bottom", rotated ? 12 : 32,
                "containLabel", true));
        option.put("tooltip", Map.of("trigger", "item", "confine", true));
        Map<String, Object> x = categoryAxis(labels, axes.x(), "middle");
        x.put("nameGap", rotated ? 48 : 26);
        x.put("axisLabel", Map.of("interval", 0, "rotate", rotated ? 35 : 0, "fontSize", 11));
        x.put("position", "bottom");
        Map<String, Object> y = categoryAxis(labels, axes.y(), "start"); // the top, on an inverse axis
        y.put("inverse", true);
        y.put("axisLabel", Map.of("interval", 0, "fontSize", 11));
        option.put("xAxis", x);
        option.put("yAxis", y);
        option.put("visualMap", Map.of("show", false, "min", min, "max", max, "inRange", Map.of("color", colors)));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "heatmap");
        series.put("data", cells);
        series.put("label", Map.of("show", true, "fontSize", n > 8 ? 10 : 12));
        series.put("itemStyle", Map.of("borderColor", "#ffffff", "borderWidth", 1));
        series.put("emphasis", Map.of("itemStyle", Map.of("borderColor", "#1f2937", "borderWidth", 1)));
        option.put("series", List.of(series));
        return ExperimentCanvas.write(option);
    }

    /**
     * A number as a chart shows it: whole numbers as they are, others to four significant digits (and no finer than
     * whole numbers from 1000 up), so that tooltips read 0.9091 rather than 0.9090909090909091.
     */
    public static double round(double value) {
        if (!Double.isFinite(value) || value == Math.rint(value)) {
            return value;
        }
        if (Math.abs(value) >= 1000) {
            return Math.rint(value);
        }
        return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_UP)).doubleValue();
    }

    /** A rounded number without a trailing ".0" or exponent, for labels. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(Double.toString(round(value))).stripTrailingZeros().toPlainString();
    }

    private static List<List<Double>> rounded(List<List<Double>> points) {
        return points.stream().map(p -> List.of(round(p.get(0)), round(p.get(1)))).toList();
    }

    private static List<Double> column(List<List<Double>> points, int index) {
        return points.stream().map(p -> p.get(index)).toList();
    }

    /**
     * Points on two value axes, zoomable (a box drawn with the toolbox's zoom, or the wheel with Ctrl held, then dragged
     * to pan); the tooltip shows the points under the pointer ("axis") or one ("item").
     */
    private static Map<String, Object> xy(List<List<Double>> points, Axes axes, String tooltipTrigger, Texts texts) {
        Map<String, Object> option = base(texts, true);
        option.put("dataZoom", List.of(insideZoom("xAxisIndex"), insideZoom("yAxisIndex")));
        option.put("grid", grid(56));
        option.put("tooltip", Map.of("trigger", tooltipTrigger, "confine", true));
        option.put("xAxis", valueAxis(axes.x(), 30, column(points, 0)));
        option.put("yAxis", valueAxis(axes.y(), 44, column(points, 1)));
        return option;
    }

    /**
     * Zoom inside the plot along one axis. The wheel zooms only with Ctrl held, so that scrolling the results panel
     * over a chart still scrolls the panel; points outside the window are kept, so lines run on past its edge.
     */
    private static Map<String, Object> insideZoom(String axisIndex) {
        Map<String, Object> zoom = new LinkedHashMap<>();
        zoom.put("type", "inside");
        zoom.put(axisIndex, 0);
        zoom.put("filterMode", "none");
        zoom.put("zoomOnMouseWheel", "ctrl");
        zoom.put("moveOnMouseWheel", false);
        zoom.put("moveOnMouseMove", true);
        return zoom;
    }

    private static Map<String, Object> base(Texts texts, boolean zoom) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        Map<String, Object> feature = new LinkedHashMap<>();
        if (zoom) {
            feature.put("dataZoom", Map.of("title", Map.of("zoom", texts.zoom(), "back", texts.resetZoom())));
        }
        feature.put("saveAsImage", Map.of("title", texts.saveAsImage(), "pixelRatio", 2));
        option.put("toolbox", Map.of("right", 8, "top", 0, "itemSize", 13, "feature", feature));
        return option;
    }

    private static Map<String, Object> grid(int left) {
        return Map.of("left", left, "right", 24, "top", 32, "bottom", 48);
    }

    /** A value axis titled in the middle; from 0 to 1 when every value lies there (rates), else fitted to the data. */
    private static Map<String, Object> valueAxis(String name, int nameGap, List<Double> values) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "value");
        boolean unit = !values.isEmpty() && values.stream().allMatch(v -> v >= 0 && v <= 1);
        if (unit) {
            axis.put("min", 0);
            axis.put("max", 1);
        } else {
            axis.put("scale", values.stream().noneMatch(v -> v == 0));
        }
        axis.put("name", name);
        axis.put("nameLocation", "middle");
        axis.put("nameGap", nameGap);
        axis.put("splitLine", Map.of("lineStyle", Map.of("color", GRID_LINE_COLOR)));
        return axis;
    }

    private static Map<String, Object> categoryAxis(List<String> labels, String name, String nameLocation) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "category");
        axis.put("data", labels);
        axis.put("name", name);
        axis.put("nameLocation", nameLocation);
        axis.put("nameGap", "middle".equals(nameLocation) ? 48 : 10);
        axis.put("splitArea", Map.of("show", false));
        axis.put("axisTick", Map.of("show", false));
        return axis;
    }

    /** The dashed y = x from the lowest to the highest coordinate of {@code points}; none without points. */
    private static List<Object> diagonal(List<List<Double>> points) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<Double> point : points) {
            for (Double coordinate : point.subList(0, Math.min(2, point.size()))) {
                if (coordinate != null && Double.isFinite(coordinate)) {
                    low = Math.min(low, coordinate);
                    high = Math.max(high, coordinate);
                }
            }
        }
        if (low > high) {
            return List.of();
        }
        Map<String, Object> line = reference(List.of());
        line.put("data", List.of(List.of(round(low), round(low)), List.of(round(high), round(high))));
        return List.of(line);
    }

    private static Map<String, Object> reference(List<List<Integer>> points) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "line");
        line.put("data", points);
        line.put("showSymbol", false);
        line.put("silent", true);
        line.put("tooltip", Map.of("show", false));
        line.put("lineStyle", Map.of("type", "dashed", "width", 1, "color", REFERENCE_COLOR));
        return line;
    }

    /** Text inside an ECharts formatter template: braces would start a placeholder. */
    private static String template(String text) {
        return text.replace("{", "(").replace("}", ")");
    }
}
