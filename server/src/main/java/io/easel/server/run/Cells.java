package io.easel.server.run;

import io.easel.server.settings.StoredJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values {@link ParquetValues} reads, as JSON values (the shape of a node's sample rows: dates and timestamps
 * as ISO-8601 strings, binary as base64), as text (CSV cells, "contains" filters) and in order (sorting, comparing
 * filters): numbers by value across integer and decimal forms, texts, booleans and ISO dates and times naturally,
 * lists (vectors, tokens) element by element.
 */
final class Cells {

    /** Missing values last, whatever the direction: what a sort is for is the values. */
    static final Comparator<Object> ORDER = Cells::compare;

    private Cells() {}

    static Object json(Object value) {
        return switch (value) {
            case null -> null;
            case TemporalAccessor time -> time.toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(item -> out.add(json(item)));
                yield out;
            }
            case Map<?, ?> map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((key, item) -> out.put(String.valueOf(key), json(item)));
                yield out;
            }
            default -> value;
        };
    }

    static List<Object> jsonRow(List<Object> row) {
        List<Object> out = new ArrayList<>(row.size());
        row.forEach(value -> out.add(json(value)));
        return out;
    }

    /** A cell as text: empty when missing, lists and maps as JSON. */
    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case String s -> s;
            case List<?> list -> StoredJson.MAPPER.writeValueAsString(json(list));
            case Map<?, ?> map -> StoredJson.MAPPER.writeValueAsString(json(map));
            default -> String.valueOf(json(value));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Comparable x && a.getClass() == b.getClass()) {
            return x.compareTo(b);
        }
        return text(a).compareTo(text(b));
    }

    private static int compareNumbers(Number x, Number y) {
        if (integral(x) && integral(y)) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if (x instanceof BigDecimal || y instanceof BigDecimal) {
            if (finite(x) && finite(y)) {
                return decimal(x).compareTo(decimal(y));
            }
        }
        return Double.compare(x.doubleValue(), y.doubleValue());
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
    }

    private static BigDecimal decimal(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            default -> integral(n) ? BigDecimal.valueOf(n.longValue()) : BigDecimal.valueOf(n.doubleValue());
        };
    }
}
