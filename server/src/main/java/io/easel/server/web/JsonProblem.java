package io.easel.server.web;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what is wrong with a request body in one sentence for people: where (the JSON path, e.g.
 * {@code graph.nodes[2].version}) and why, in words rather than Java types or exception names.
 */
final class JsonProblem {

    private JsonProblem() {}

    static String describe(HttpMessageNotReadableException ex) {
        Optional<BodyTooLargeException> tooLarge = ApiProblems.cause(ex, BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return tooLarge.get().getMessage();
        }
        if (ex.getCause() instanceof JacksonException json) {
            return describe(json);
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "the body is missing";
        }
        return "it could not be read";
    }

    /** Where and why, e.g. {@code at 'graph.nodes[0].version': expected a whole number, got "one"}. */
    static String describe(JacksonException json) {
        String path = path(json);
        String why = reason(json);
        return path.isEmpty() ? why : "at '" + path + "': " + why;
    }

    private static String path(JacksonException json) {
        return json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName()
                        : ref.getIndex() >= 0 ? "[" + ref.getIndex() + "]" : "")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String reason(JacksonException json) {
        return switch (json) {
            case UnrecognizedPropertyException unknown -> "is not a field here"
                    + known(unknown.getKnownPropertyIds());
            case InvalidFormatException invalid -> shown(invalid.getValue()) + " is not "
                    + expected(invalid.getTargetType());
            case ValueInstantiationException instantiation -> rootMessage(instantiation);
            case MismatchedInputException mismatched when mismatched.getTargetType() != null
                    && mismatched.getCurrentToken() != null -> "expected " + expected(mismatched.getTargetType())
                    + ", got " + token(mismatched.getCurrentToken());
            case InputCoercionException coercion -> "the number is out of range for " + expected(
                    coercion.getTargetType()) + " here";
            default -> json.getOriginalMessage() + where(json.getLocation());
        };
    }

    private static String known(Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        return "; the fields here are " + names.stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
    }

    /** What a value of this Java type looks like in JSON. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a text";
        }
        if (type == UUID.class) {
            return "an id (a UUID such as 0b7e4c1e-8d0c-4f5e-9a55-2d0c1f6f7a10)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(String::toLowerCase).toList();
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String token(tools.jackson.core.JsonToken token) {
        return switch (token) {
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return value instanceof String ? "\"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\""
                : text;
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The innermost message: a record constructor's own words ("from" must not be null) say the most. */
    private static String rootMessage(Throwable thrown) {
        Throwable deepest = thrown;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        if (deepest instanceof JacksonException json) {
            return json.getOriginalMessage();
        }
        String message = deepest.getMessage();
        if (deepest instanceof NullPointerException) {
            return message != null && !message.contains(" ") ? "'" + message + "' is required"
                    : "a required value is missing (null)";
        }
        return message == null ? "the value is not acceptable" : message;
    }
}
