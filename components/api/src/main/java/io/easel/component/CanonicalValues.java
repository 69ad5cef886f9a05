package io.easel.component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Param values in a form whose equality (and JSON) does not depend on how they were written: maps sorted by key,
 * numbers without trailing zeros (5, 5L and 5.0 are one setting), lists item by item. The engine's fingerprints and the
 * server's stale marks compare params this way, so both agree on what "changed" means.
 */
public final class CanonicalValues {

    private CanonicalValues() {}

    /** Strings, booleans, numbers, maps and lists of them; any other value as is. */
    public static Object of(Object value) {
        return of(value, UnaryOperator.identity());
    }

    /**
     * @param other turns a value of another kind (a record, an object) into strings, numbers, maps and lists, which
     *     are then made canonical in turn
     */
    public static Object of(Object value, UnaryOperator<Object> other) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Number n -> number(n);
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), of(v, other)));
                yield sorted;
            }
            case Iterable<?> items -> {
                List<Object> list = new ArrayList<>();
                items.forEach(item -> list.add(of(item, other)));
                yield list;
            }
            default -> {
                Object plain = other.apply(value);
                yield plain == value ? value : of(plain, other);
            }
        };
    }

    private static Object number(Number n) {
        if ((n instanceof Double d && (d.isNaN() || d.isInfinite()))
                || (n instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            return n.toString();
        }
        BigDecimal decimal = new BigDecimal(n.toString()).stripTrailingZeros();
        return decimal.signum() == 0 ? BigDecimal.ZERO : decimal;
    }
}
