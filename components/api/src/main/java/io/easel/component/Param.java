package io.easel.component;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A typed handle on a parameter, declared once as a constant of its component and used both to describe the param
 * ({@link #def()}) and to read its value ({@code ctx.param(MAX_DEPTH)}). Each method returns a new handle.
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
        ParamDef d = base(name, ParamType.CHOICE, title);
        return new Param<>(with(d, Arrays.asList(choices), d.columns(), d.visibleWhen()), v -> (String) v);
    }

    public static ParamDef.Choice option(String value, Text title) {
        return new ParamDef.Choice(value, title);
    }

    /** One column of the table on {@code port}, restricted to {@code types} (none: any type). */
    public static Param<String> column(String name, Text title, Port port, DataType... types) {
        ParamDef d = base(name, ParamType.COLUMN, title);
        return new Param<>(with(d, d.choices(), new ParamDef.ColumnFilter(port.name(), List.of(types)),
                d.visibleWhen()), v -> (String) v);
    }

    @SuppressWarnings("unchecked")
    public static Param<List<String>> columns(String name, Text title, Port port, DataType... types) {
        ParamDef d = base(name, ParamType.COLUMNS, title);
        return new Param<>(with(d, d.choices(), new ParamDef.ColumnFilter(port.name(), List.of(types)),
                d.visibleWhen()), v -> List.copyOf((List<String>) v));
    }

    public static Param<TableSpec> schema(String name, Text title) {
        return new Param<>(base(name, ParamType.SCHEMA, title),
                v -> ((String) v).isBlank() ? null : TableSpec.parse((String) v));
    }

    public Param<T> description(Text description) {
        return new Param<>(new ParamDef(def.name(), def.type(), def.title(), description, def.required(),
                def.defaultValue(), def.min(), def.max(), def.minExclusive(), def.maxExclusive(), def.choices(),
                def.columns(), def.visibleWhen()), reader);
    }

    public Param<T> defaultValue(T value) {
        Object json = value instanceof List<?> l ? List.copyOf(l) : value;
        return new Param<>(new ParamDef(def.name(), def.type(), def.title(), def.description(), def.required(),
                json, def.min(), def.max(), def.minExclusive(), def.maxExclusive(), def.choices(), def.columns(),
                def.visibleWhen()), reader);
    }

    public Param<T> required() {
        return new Param<>(new ParamDef(def.name(), def.type(), def.title(), def.description(), true,
                def.defaultValue(), def.min(), def.max(), def.minExclusive(), def.maxExclusive(), def.choices(),
                def.columns(), def.visibleWhen()), reader);
    }

    /** Inclusive range {@code [min, max]}; null leaves a side open. */
    public Param<T> range(Number min, Number max) {
        return range(min, false, max, false);
    }

    public Param<T> range(Number min, boolean minExclusive, Number max, boolean maxExclusive) {
        return new Param<>(new ParamDef(def.name(), def.type(), def.title(), def.description(), def.required(),
                def.defaultValue(), min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(),
                minExclusive, maxExclusive, def.choices(), def.columns(), def.visibleWhen()), reader);
    }

    public Param<T> visibleWhen(Param<?> other, String... values) {
        return new Param<>(with(def, def.choices(), def.columns(),
                new ParamDef.VisibleWhen(other.name(), List.of(values))), reader);
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

    private static ParamDef base(String name, ParamType type, Text title) {
        return new ParamDef(name, type, title, null, false, null, null, null, false, false, List.of(), null, null);
    }

    private static ParamDef with(ParamDef d, List<ParamDef.Choice> choices, ParamDef.ColumnFilter columns,
            ParamDef.VisibleWhen visibleWhen) {
        return new ParamDef(d.name(), d.type(), d.title(), d.description(), d.required(), d.defaultValue(), d.min(),
                d.max(), d.minExclusive(), d.maxExclusive(), choices, columns, visibleWhen);
    }

    @Override
    public String toString() {
        return "Param[" + def.name() + "]";
    }
}
