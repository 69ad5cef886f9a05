package io.easel.server.deployment;

import io.easel.component.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpmml.evaluator.InputField;

/**
 * One field a scoring record must carry, checked against the JSON the client sent before the model sees it.
 *
 * @param type the column type the model was trained on
 * @param pmml the model's own input field, or null when the model keeps the column but does not use it
 */
record RequestField(String name, DataType type, InputField pmml) {

    /** Why {@code value} (as Jackson read it; never absent here) does not fit this field, or empty when it fits. */
    Optional<String> typeProblem(Object value) {
        if (value == null) {
            return Optional.empty(); // a missing value: the model decides whether it can score it
        }
        boolean fits = switch (type) {
            case INTEGER -> isIntegral(value) && fitsIn(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> isIntegral(value) && fitsIn(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case DOUBLE -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case STRING, DATE, TIMESTAMP -> value instanceof String;
            case VECTOR -> value instanceof List<?> list && list.stream().allMatch(Number.class::isInstance);
            case TOKENS -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        };
        if (fits) {
            return Optional.empty();
        }
        return Optional.of("field '" + name + "' expects " + expected() + ", got " + describe(value));
    }

    /** {@code value} (which passed {@link #typeProblem}) as the evaluator takes it. */
    Object toPmml(Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) value).intValue();
            case LONG -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    private String expected() {
        return switch (type) {
            case INTEGER -> "an integer (a JSON number without fraction)";
            case LONG -> "a long integer (a JSON number without fraction)";
            case DOUBLE -> "a number (a JSON number)";
            case BOOLEAN -> "a boolean (true or false)";
            case STRING -> "a string (a JSON string)";
            case DATE -> "a date (a JSON string like \"2024-01-31\")";
            case TIMESTAMP -> "a timestamp (a JSON string like \"2024-01-31T12:00:00\")";
            case VECTOR -> "a vector (a JSON array of numbers)";
            case TOKENS -> "a list of words (a JSON array of strings)";
        };
    }

    /** The value as the client wrote it, and what kind of JSON value it is. */
    static String describe(Object value) {
        return switch (value) {
            case String s -> quote(s) + " (a JSON string)";
            case Number n -> n + " (a JSON number)";
            case Boolean b -> b + " (a JSON boolean)";
            case Map<?, ?> m -> "a JSON object";
            case List<?> l -> "a JSON array";
            default -> String.valueOf(value);
        };
    }

    static String quote(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isIntegral(Object value) {
        return switch (value) {
            case Integer i -> true;
            case Long l -> true;
            case Short s -> true;
            case Byte b -> true;
            case BigInteger b -> true;
            case Double d -> !d.isInfinite() && d == Math.rint(d);
            case Float f -> !f.isInfinite() && f == Math.rint(f);
            case BigDecimal d -> d.stripTrailingZeros().scale() <= 0;
            default -> false;
        };
    }

    private static boolean fitsIn(Object value, long min, long max) {
        BigDecimal number = new BigDecimal(value.toString());
        return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
