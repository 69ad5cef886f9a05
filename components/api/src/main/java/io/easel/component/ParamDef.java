package io.easel.component;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter as data: everything a form, the validator and the docs need. Constraints are declarative so that a UI
 * can read them; there is no opaque validity check.
 *
 * @param defaultValue the value used when the user sets none; null when there is none
 * @param min inclusive lower bound for numbers, or null
 * @param max inclusive upper bound for numbers, or null
 * @param minExclusive whether {@code min} itself is out of range
 * @param maxExclusive whether {@code max} itself is out of range
 * @param choices the allowed values of a {@link ParamType#CHOICE} param
 * @param columns for column params: which input port's columns may be picked, of which types
 * @param visibleWhen the param is shown, required and checked only when another param has one of some values
 * @param advanced whether forms fold it away by default (tuning knobs most users leave alone)
 * @param learnerOf for params about the learner whose model arrives at an input: that model input port. A
 *     {@link ParamType#SEARCH_SPACE} names the learner's params; a choice's options may be meant for some kinds of
 *     learner only ({@link Choice#learners()}). Both are checked once the learner is known; null for other params
 * @param newColumnOf for a text param naming a column the node adds to the table of an input port: that port. The
 *     name must be new there, so a result never silently replaces a column; null for other params
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParamDef(
        String name,
        ParamType type,
        Text title,
        Text description,
        boolean required,
        Object defaultValue,
        Double min,
        Double max,
        boolean minExclusive,
        boolean maxExclusive,
        List<Choice> choices,
        ColumnFilter columns,
        VisibleWhen visibleWhen,
        boolean advanced,
        String learnerOf,
        String newColumnOf) {

    public ParamDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * An allowed value of a choice param, with its label.
     *
     * @param learners for a param about a learner ({@link #learnerOf()}): the categories of learner the option is
     *     meant for (a metric of classifiers); empty: any
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Choice(String value, Text title, List<Category> learners) {
        public Choice {
            Objects.requireNonNull(value, "value");
            learners = learners == null ? List.of() : List.copyOf(learners);
        }

        public Choice(String value, Text title) {
            this(value, title, List.of());
        }

        /** The same option, meant for learners of these categories only. */
        public Choice forLearners(Category... categories) {
            return new Choice(value, title, List.of(categories));
        }

        /** Whether the option is meant for a learner of {@code category}. */
        public boolean suits(Category category) {
            return learners.isEmpty() || learners.contains(category);
        }
    }

    /**
     * Which columns a column param may name.
     *
     * @param port the input port whose columns are offered
     * @param types the allowed column types; empty means any
     * @param exclude params whose columns may not be picked here as well (the label is not also a feature)
     * @param allWhenEmpty for a columns param: left empty, it means every column of an allowed type on the port
     *     that no {@code exclude} param names
     * @param hint said when a column of another type is picked: what to do instead
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ColumnFilter(String port, List<DataType> types, List<String> exclude, boolean allWhenEmpty,
            Text hint) {
        public ColumnFilter {
            Objects.requireNonNull(port, "port");
            types = types == null ? List.of() : List.copyOf(types);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }

        public ColumnFilter(String port, List<DataType> types) {
            this(port, types, List.of(), false, null);
        }

        public boolean accepts(DataType type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    /** Shown only when {@code param} has one of {@code values}. */
    public record VisibleWhen(String param, List<String> values) {
        public VisibleWhen {
            values = List.copyOf(values);
        }
    }

    /**
     * Checks a value set by a user (a JSON scalar or list) against type and constraints, without looking at columns.
     *
     * @return the reason it is not acceptable, or empty
     */
    public Optional<String> check(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (type) {
            case STRING -> value instanceof String ? Optional.empty() : expected("a text", value);
            case PATH, OUTPUT_PATH -> value instanceof String ? Optional.empty() : expected("a path", value);
            case CONNECTION -> value instanceof String ? Optional.empty() : expected("a connection name", value);
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : expected("true or false", value);
            case INTEGER -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    yield expected("a whole number", value);
                }
                if (Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
                    yield Optional.of(value + " is too large for a whole-number param");
                }
                yield checkRange(n.doubleValue());
            }
            case DOUBLE -> value instanceof Number n && Double.isFinite(n.doubleValue())
                    ? checkRange(n.doubleValue())
                    : expected("a number", value);
            case CHOICE -> value instanceof String s && choices.stream().anyMatch(c -> c.value().equals(s))
                    ? Optional.empty()
                    : Optional.of("'" + value + "' is not one of " + choices.stream().map(Choice::value).toList());
            case COLUMN -> value instanceof String ? Optional.empty() : expected("a column name", value);
            case COLUMNS -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                    ? Optional.empty()
                    : expected("a list of column names", value);
            case SCHEMA -> {
                if (!(value instanceof String s)) {
                    yield expected("a schema such as 'age:integer,name:string'", value);
                }
                try {
                    TableSpec.parse(s);
                    yield Optional.empty();
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
            }
            case SEARCH_SPACE -> {
                if (!(value instanceof String s)) {
                    yield expected("values to try such as 'maxDepth: 3, 5, 7; stepSize: 0.05..0.3'", value);
                }
                try {
                    SearchSpace.parse(s);
                    yield Optional.empty();
                } catch (IllegalArgumentException e) {
                    yield Optional.of(e.getMessage());
                }
            }
        };
    }

    /** Whether a value counts as "not set" for a required param. */
    public static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof List<?> l && l.isEmpty();
    }

    private Optional<String> checkRange(double v) {
        boolean belowMin = min != null && (minExclusive ? v <= min : v < min);
        boolean aboveMax = max != null && (maxExclusive ? v >= max : v > max);
        if (belowMin || aboveMax) {
            return Optional.of(format(v) + " is out of range " + rangeText());
        }
        return Optional.empty();
    }

    /** The range in interval notation, e.g. {@code (0, 1]}. */
    public String rangeText() {
        return (min == null ? "(-∞" : (minExclusive ? "(" : "[") + format(min)) + ", "
                + (max == null ? "∞)" : format(max) + (maxExclusive ? ")" : "]"));
    }

    private static Optional<String> expected(String what, Object value) {
        return Optional.of("expected " + what + " but got '" + value + "'");
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
