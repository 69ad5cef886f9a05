package io.easel.component;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A typed handle on a parameter, declared once as a constant of its component and used both to describe the param
 * ({@link #def()}) and to read its bound value ({@code ctx.param(MAX_DEPTH)}). Each method returns a new handle.
 *
 * @param <T> the Java type the value is read as
 */
public final class Param<T> {

    private final ParamDef def;
    private final Function<Object, T> reader;

    private Param(ParamDef def, Function<Object, T> reader) {
        this.def = def;
        this.reader = reader;
    }

    public static Param<String> string(String name, Text title) {
        return new Param<>(base(name, ParamType.STRING, title), v -> (String) v);
    }

    /** A file or directory to read, checked against the data roots ({@link ParamType#PATH}). */
    public static Param<String> path(String name, Text title) {
        return new Param<>(base(name, ParamType.PATH, title), v -> (String) v);
    }

    /** A file or directory to write, checked against the writable data roots ({@link ParamType#OUTPUT_PATH}). */
    public static Param<String> outputPath(String name, Text title) {
        return new Param<>(base(name, ParamType.OUTPUT_PATH, title), v -> (String) v);
    }

    /** The name of a configured database connection ({@link ParamType#CONNECTION}). */
    public static Param<String> connection(String name, Text title) {
        return new Param<>(base(name, ParamType.CONNECTION, title), v -> (String) v);
    }

    public static Param<Integer> integer(String name, Text title) {
        return new Param<>(base(name, ParamType.INTEGER, title), v -> ((Number) v).intValue());
    }

    public static Param<Double> decimal(String name, Text title) {
        return new Param<>(base(name, ParamType.DOUBLE, title), v -> ((Number) v).doubleValue());
    }

    public static Param<Boolean> bool(String name, Text title) {
        return new Param<>(base(name, ParamType.BOOLEAN, title), v -> (Boolean) v);
    }

    public static Param<String> choice(String name, Text title, ParamDef.Choice... choices) {
        return new Param<String>(base(name, ParamType.CHOICE, title), v -> (String) v)
                .edit(d -> d.choices = Arrays.asList(choices));
    }

    public static ParamDef.Choice option(String value, Text title) {
        return new ParamDef.Choice(value, title);
    }

    /** One column of the table on {@code port}, restricted to {@code types} (none: any type). */
    public static Param<String> column(String name, Text title, Port port, DataType... types) {
        return new Param<String>(base(name, ParamType.COLUMN, title), v -> (String) v)
                .edit(d -> d.columns = new ParamDef.ColumnFilter(port.name(), List.of(types)));
    }

    @SuppressWarnings("unchecked")
    public static Param<List<String>> columns(String name, Text title, Port port, DataType... types) {
        return new Param<List<String>>(base(name, ParamType.COLUMNS, title), v -> List.copyOf((List<String>) v))
                .edit(d -> d.columns = new ParamDef.ColumnFilter(port.name(), List.of(types)));
    }

    public static Param<TableSpec> schema(String name, Text title) {
        return new Param<>(base(name, ParamType.SCHEMA, title),
                v -> ((String) v).isBlank() ? null : TableSpec.parse((String) v));
    }

    /**
     * Values to try for the params of the learner whose model arrives at {@code model}, e.g.
     * {@code maxDepth: 3, 5, 7; stepSize: 0.05..0.3 log}; checked against that learner's declaration once it is
     * known. Read as a parsed {@link SearchSpace}.
     */
    public static Param<SearchSpace> searchSpace(String name, Text title, Port model) {
        return new Param<>(base(name, ParamType.SEARCH_SPACE, title), v -> SearchSpace.parse((String) v))
                .learnerOf(model);
    }

    /**
     * The param is about the learner whose model arrives at {@code model}: a choice's options meant for other kinds of
     * learner ({@link ParamDef.Choice#forLearners}) are refused once the learner is known.
     */
    public Param<T> learnerOf(Port model) {
        return edit(d -> d.learnerOf = model.name());
    }

    /**
     * The param names a column the node adds to the table arriving at {@code table}: a name that table already has is
     * refused when the params are bound (at validation, and again before the node runs).
     */
    public Param<T> newColumnOf(Port table) {
        return edit(d -> d.newColumnOf = table.name());
    }

    public Param<T> description(Text description) {
        return edit(d -> d.description = description);
    }

    public Param<T> defaultValue(T value) {
        Object json = value instanceof List<?> l ? List.copyOf(l) : value;
        return edit(d -> d.defaultValue = json);
    }

    public Param<T> required() {
        return edit(d -> d.required = true);
    }

    /** Folded away in forms: a tuning knob most users leave at its default. */
    public Param<T> advanced() {
        return edit(d -> d.advanced = true);
    }

    /** Inclusive range {@code [min, max]}; null leaves a side open. */
    public Param<T> range(Number min, Number max) {
        return range(min, false, max, false);
    }

    public Param<T> range(Number min, boolean minExclusive, Number max, boolean maxExclusive) {
        return edit(d -> {
            d.min = min == null ? null : min.doubleValue();
            d.max = max == null ? null : max.doubleValue();
            d.minExclusive = minExclusive;
            d.maxExclusive = maxExclusive;
        });
    }

    public Param<T> visibleWhen(Param<?> other, String... values) {
        return edit(d -> d.visibleWhen = new ParamDef.VisibleWhen(other.name(), List.of(values)));
    }

    /** For column params: the columns that {@code others} name cannot be picked here too. */
    public Param<T> excluding(Param<?>... others) {
        return editColumns(c -> new ParamDef.ColumnFilter(c.port(), c.types(),
                Arrays.stream(others).map(Param::name).toList(), c.allWhenEmpty(), c.hint()));
    }

    /** For columns params: left empty, every column of an allowed type that no excluded param names. */
    public Param<T> allWhenEmpty() {
        return editColumns(c -> new ParamDef.ColumnFilter(c.port(), c.types(), c.exclude(), true, c.hint()));
    }

    /** For column params: what to tell a user who picks a column of another type. */
    public Param<T> typeHint(Text hint) {
        return editColumns(c -> new ParamDef.ColumnFilter(c.port(), c.types(), c.exclude(), c.allWhenEmpty(), hint));
    }

    public String name() {
        return def.name();
    }

    public ParamDef def() {
        return def;
    }

    /** Reads a JSON value (already checked against {@link #def()}) as {@code T}; null stays null. */
    public T read(Object jsonValue) {
        return jsonValue == null ? null : reader.apply(jsonValue);
    }

    private Param<T> editColumns(java.util.function.UnaryOperator<ParamDef.ColumnFilter> change) {
        if (def.columns() == null) {
            throw new IllegalStateException("Param '" + def.name() + "' is not a column param");
        }
        return edit(d -> d.columns = change.apply(d.columns));
    }

    private Param<T> edit(Consumer<Draft> change) {
        Draft draft = new Draft(def);
        change.accept(draft);
        return new Param<>(draft.build(), reader);
    }

    private static ParamDef base(String name, ParamType type, Text title) {
        return new ParamDef(name, type, title, null, false, null, null, null, false, false, List.of(), null, null,
                false, null, null);
    }

    /** The fields of a {@link ParamDef} being changed; keeps the copy in one place. */
    private static final class Draft {
        private final String name;
        private final ParamType type;
        private final Text title;
        private Text description;
        private boolean required;
        private Object defaultValue;
        private Double min;
        private Double max;
        private boolean minExclusive;
        private boolean maxExclusive;
        private List<ParamDef.Choice> choices;
        private ParamDef.ColumnFilter columns;
        private ParamDef.VisibleWhen visibleWhen;
        private boolean advanced;
        private String learnerOf;
        private String newColumnOf;

        Draft(ParamDef d) {
            name = d.name();
            type = d.type();
            title = d.title();
            description = d.description();
            required = d.required();
            defaultValue = d.defaultValue();
            min = d.min();
            max = d.max();
            minExclusive = d.minExclusive();
            maxExclusive = d.maxExclusive();
            choices = d.choices();
            columns = d.columns();
            visibleWhen = d.visibleWhen();
            advanced = d.advanced();
            learnerOf = d.learnerOf();
            newColumnOf = d.newColumnOf();
        }

        ParamDef build() {
            return new ParamDef(name, type, title, description, required, defaultValue, min, max, minExclusive,
                    maxExclusive, choices, columns, visibleWhen, advanced, learnerOf, newColumnOf);
        }
    }

    @Override
    public String toString() {
        return "Param[" + def.name() + "]";
    }
}
