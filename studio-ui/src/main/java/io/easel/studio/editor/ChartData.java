package io.easel.studio.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report chart's stored data (parsed JSON) read in the shape its {@code ChartKind} documents; empty when it does not
 * have that shape, so a view can leave it out instead of failing.
 */
final class ChartData {

    record Bars(List<String> names, List<Double> values) {}

    record Histogram(List<Double> edges, List<Long> counts) {}

    record Matrix(List<String> labels, List<List<Double>> values) {}

    record Table(List<String> columns, List<List<Object>> rows) {}

    private ChartData() {}

    /** {@code [[x, y], …]}. */
    static Optional<List<List<Double>>> points(Object data) {
        if (!(data instanceof List<?> list) || list.isEmpty()) {
            return Optional.empty();
        }
        List<List<Double>> points = new ArrayList<>();
        for (Object point : list) {
            if (!(point instanceof List<?> p) || p.size() < 2 || !(p.get(0) instanceof Number x)
                    || !(p.get(1) instanceof Number y)) {
                return Optional.empty();
            }
            points.add(List.of(x.doubleValue(), y.doubleValue()));
        }
        return Optional.of(points);
    }

    /** {@code {label: value, …}} in the order given. */
    static Optional<Bars> bars(Object data) {
        if (!(data instanceof Map<?, ?> map) || map.isEmpty()
                || !map.values().stream().allMatch(Number.class::isInstance)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        map.forEach((name, value) -> {
            names.add(String.valueOf(name));
            values.add(((Number) value).doubleValue());
        });
        return Optional.of(new Bars(names, values));
    }

    /** {@code {"edges": [...], "counts": [...]}} with one edge more than counts. */
    static Optional<Histogram> histogram(Object data) {
        if (!(data instanceof Map<?, ?> map) || !(map.get("edges") instanceof List<?> edges)
                || !(map.get("counts") instanceof List<?> counts) || counts.isEmpty()
                || edges.size() != counts.size() + 1 || !allNumbers(edges) || !allNumbers(counts)) {
            return Optional.empty();
        }
        return Optional.of(new Histogram(edges.stream().map(e -> ((Number) e).doubleValue()).toList(),
                counts.stream().map(c -> ((Number) c).longValue()).toList()));
    }

    /** {@code {name: {"edges": [...], "counts": [...]}, …}}, each a histogram; names in the order given. */
    static Optional<Map<String, Histogram>> histograms(Object data) {
        if (!(data instanceof Map<?, ?> map) || map.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (Map.Entry<?, ?> each : map.entrySet()) {
            Optional<Histogram> histogram = histogram(each.getValue());
            if (histogram.isEmpty()) {
                return Optional.empty();
            }
            histograms.put(String.valueOf(each.getKey()), histogram.get());
        }
        return Optional.of(histograms);
    }

    /** {@code {"labels": [...], "values": [[...], …]}}, square. */
    static Optional<Matrix> matrix(Object data) {
        if (!(data instanceof Map<?, ?> map) || !(map.get("labels") instanceof List<?> labels) || labels.isEmpty()
                || !(map.get("values") instanceof List<?> rows) || rows.size() != labels.size()) {
            return Optional.empty();
        }
        List<List<Double>> values = new ArrayList<>();
        for (Object row : rows) {
            if (!(row instanceof List<?> cells) || cells.size() != labels.size() || !allNumbers(cells)) {
                return Optional.empty();
            }
            values.add(cells.stream().map(c -> ((Number) c).doubleValue()).toList());
        }
        return Optional.of(new Matrix(labels.stream().map(String::valueOf).toList(), values));
    }

    /** {@code {"columns": [...], "rows": [[...], …]}}. */
    static Optional<Table> table(Object data) {
        if (!(data instanceof Map<?, ?> map) || !(map.get("columns") instanceof List<?> columns) || columns.isEmpty()
                || !(map.get("rows") instanceof List<?> rows)) {
            return Optional.empty();
        }
        List<List<Object>> cells = new ArrayList<>();
        for (Object row : rows) {
            if (!(row instanceof List<?> values)) {
                return Optional.empty();
            }
            cells.add(new ArrayList<>(values));
        }
        return Optional.of(new Table(columns.stream().map(String::valueOf).toList(), cells));
    }

    private static boolean allNumbers(List<?> values) {
        return values.stream().allMatch(Number.class::isInstance);
    }
}
