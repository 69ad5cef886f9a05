package io.easel.engine.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Spark row values as plain JSON values for the sample rows a node reports: vectors as arrays of doubles, dates and
 * timestamps as ISO-8601 strings, nested rows, arrays and maps as JSON arrays and objects.
 */
final class JsonValues {

    private JsonValues() {}

    static List<Object> row(Row row) {
        List<Object> values = new ArrayList<>(row.length());
        for (int i = 0; i < row.length(); i++) {
            values.add(value(row.get(i)));
        }
        return values;
    }

    static Object value(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case BigDecimal d -> d;
            case Number n -> n;
            case Vector vector -> doubles(vector.toArray());
            case org.apache.spark.mllib.linalg.Vector vector -> doubles(vector.toArray());
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.sql.Timestamp t -> t.toInstant().toString();
            case java.time.temporal.TemporalAccessor t -> t.toString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Row nested -> row(nested);
            case scala.collection.Map<?, ?> map -> map(scala.jdk.javaapi.CollectionConverters.asJava(map));
            case scala.collection.Iterable<?> seq -> list(scala.jdk.javaapi.CollectionConverters.asJava(seq));
            case Map<?, ?> map -> map(map);
            case Iterable<?> list -> list(list);
            default -> v.toString();
        };
    }

    private static List<Object> doubles(double[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (double d : values) {
            out.add(d);
        }
        return out;
    }

    private static List<Object> list(Iterable<?> items) {
        List<Object> out = new ArrayList<>();
        items.forEach(item -> out.add(value(item)));
        return out;
    }

    private static Map<String, Object> map(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, val) -> out.put(String.valueOf(k), value(val)));
        return out;
    }
}
