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

    /**
     * A binary classifier's confusion at one threshold (scores at or above it count as positive), with the rates the
     * engine derived from it.
     */
    record Cut(double threshold, double precision, double recall, double f1, double accuracy, long truePositives,
            long falsePositives, long trueNegatives, long falseNegatives) {

        /** The columns of a confusion-by-threshold table a cut is read from. */
        static final List<String> COLUMNS = List.of("threshold", "precision", "recall", "f1", "accuracy",
                "truePositives", "falsePositives", "trueNegatives", "falseNegatives");

        /** The 2 × 2 confusion matrix: rows actual (negative, positive), columns predicted in the same order. */
        List<List<Double>> matrix() {
            return List.of(List.of((double) trueNegatives, (double) falsePositives),
                    List.of((double) falseNegatives, (double) truePositives));
        }
    }

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

    /**
     * The group of each point of {@code [[x, y, group], …]} (e.g. its cluster), as text; empty when a point has no
     * third element.
     */
    static List<String> groups(Object data) {
        if (!(data instanceof List<?> list) || list.isEmpty()
                || !list.stream().allMatch(p -> p instanceof List<?> point && point.size() >= 3)) {
            return List.of();
        }
        return list.stream().map(p -> group(((List<?>) p).get(2))).toList();
    }

    /** A whole number as it reads (2, not 2.0): groups parsed from JSON may be either. */
    private static String group(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue()) : String.valueOf(value);
    }

    /**
     * A TABLE of the confusion at thresholds ({@code threshold}, {@code precision}, {@code recall}, {@code f1},
     * {@code accuracy} and the four counts among its columns), one cut per row in the order given; empty when it does
     * not have those columns or a cell there is not a number.
     */
    static Optional<List<Cut>> thresholds(Object data) {
        Optional<Table> table = table(data);
        if (table.isEmpty() || table.get().rows().isEmpty()
                || !table.get().columns().containsAll(Cut.COLUMNS)) {
            return Optional.empty();
        }
        List<Integer> at = Cut.COLUMNS.stream().map(table.get().columns()::indexOf).toList();
        List<Cut> cuts = new ArrayList<>();
        for (List<Object> row : table.get().rows()) {
            double[] v = new double[at.size()];
            for (int i = 0; i < at.size(); i++) {
                if (!(at.get(i) < row.size() && row.get(at.get(i)) instanceof Number n)) {
                    return Optional.empty();
                }
                v[i] = n.doubleValue();
            }
            cuts.add(new Cut(v[0], v[1], v[2], v[3], v[4], (long) v[5], (long) v[6], (long) v[7], (long) v[8]));
        }
        return Optional.of(cuts);
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
