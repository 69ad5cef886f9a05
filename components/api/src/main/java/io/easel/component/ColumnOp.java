package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a {@link SchemaRule.Table} rule: a change to the columns of a table, computed from the node's params
 * and inputs. Each returns the changed table, or empty when what it needs is not known yet (a blank schema param, an
 * unknown model). Operations refer to params by name ({@link Cols}, {@link Name}, {@link Type}) so that the rule
 * stays data a UI can read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ColumnOp.SchemaParam.class, name = "schema-param"),
    @JsonSubTypes.Type(value = ColumnOp.ByChoice.class, name = "by-choice"),
    @JsonSubTypes.Type(value = ColumnOp.Keep.class, name = "keep"),
    @JsonSubTypes.Type(value = ColumnOp.Drop.class, name = "drop"),
    @JsonSubTypes.Type(value = ColumnOp.Add.class, name = "add"),
    @JsonSubTypes.Type(value = ColumnOp.AddEach.class, name = "add-each"),
    @JsonSubTypes.Type(value = ColumnOp.AddSeries.class, name = "add-series"),
    @JsonSubTypes.Type(value = ColumnOp.Retype.class, name = "retype"),
    @JsonSubTypes.Type(value = ColumnOp.Rename.class, name = "rename"),
    @JsonSubTypes.Type(value = ColumnOp.RenameEach.class, name = "rename-each"),
    @JsonSubTypes.Type(value = ColumnOp.Unknown.class, name = "unknown"),
    @JsonSubTypes.Type(value = ColumnOp.AppendPort.class, name = "append-port"),
    @JsonSubTypes.Type(value = ColumnOp.AppendModelOutputs.class, name = "append-model-outputs"),
    @JsonSubTypes.Type(value = ColumnOp.AppendModelFeatures.class, name = "append-model-features")
})
public sealed interface ColumnOp {

    Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context);

    // ---- references to columns, names and types, literal or through a param

    /** Some columns: listed, or named by a column(s) param (an empty "all" param stands for what it resolves to). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cols(List<String> names, String param, List<String> params) {
        @JsonCreator
        public Cols {
        }

        public Cols(List<String> names, String param) {
            this(names, param, null);
        }

        public static Cols of(String... names) {
            return new Cols(List.of(names), null);
        }

        public static Cols param(Param<?> param) {
            return new Cols(null, param.name());
        }

        /** The columns of several params, one after the other (a group-by's keys, then its values). */
        public static Cols params(Param<?>... params) {
            return new Cols(null, null, Arrays.stream(params).map(Param::name).toList());
        }

        Optional<List<String>> resolve(SchemaRule.Context context) {
            if (params != null) {
                List<String> all = new ArrayList<>();
                for (String each : params) {
                    Optional<List<String>> resolved = new Cols(null, each).resolve(context);
                    if (resolved.isEmpty()) {
                        return Optional.empty();
                    }
                    all.addAll(resolved.get());
                }
                return Optional.of(all);
            }
            if (param == null) {
                return Optional.of(names == null ? List.of() : names);
            }
            return context.params().columnSpecs(param).map(cs -> cs.stream().map(ColumnSpec::name).toList())
                    .or(() -> Optional.ofNullable(context.params().raw(param)).map(v -> v instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of(v.toString())));
        }
    }

    /** A column name: literal, or the value of a text param. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Name(String value, String param) {
        public static Name of(String value) {
            return new Name(value, null);
        }

        public static Name param(Param<String> param) {
            return new Name(null, param.name());
        }

        Optional<String> resolve(SchemaRule.Context context) {
            String name = param == null ? value : context.params().text(param);
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
        }
    }

    /**
     * A column type: literal, the value of a choice param whose values are type names, or the type of the column a
     * column param names.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Type(DataType type, String param, String columnParam, Map<String, DataType> byValue) {
        @JsonCreator
        public Type {
        }

        public Type(DataType type, String param, String columnParam) {
            this(type, param, columnParam, null);
        }

        public static Type of(DataType type) {
            return new Type(type, null, null);
        }

        public static Type param(Param<String> param) {
            return new Type(null, param.name(), null);
        }

        public static Type ofColumn(Param<String> columnParam) {
            return new Type(null, null, columnParam.name());
        }

        /** The type {@code byValue} gives the value of a choice param (an aggregate function: count is a long). */
        public static Type byChoice(Param<String> param, Map<String, DataType> byValue) {
            return new Type(null, param.name(), null, Map.copyOf(byValue));
        }

        Optional<DataType> resolve(SchemaRule.Context context) {
            if (type != null) {
                return Optional.of(type);
            }
            if (param != null && byValue != null) {
                return Optional.ofNullable(context.params().text(param)).map(byValue::get);
            }
            if (param != null) {
                return Optional.ofNullable(context.params().text(param)).map(DataType::fromJson);
            }
            return context.params().columnSpecs(columnParam).filter(cs -> !cs.isEmpty())
                    .map(cs -> cs.getFirst().type());
        }
    }

    // ---- the operations

    /** Replaces everything by the schema the user wrote in a {@link ParamType#SCHEMA} param; unknown while blank. */
    record SchemaParam(String param) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            String text = context.params().text(param);
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(TableSpec.parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Replaces everything by one known table per value of a choice param (the bundled sample datasets). */
    record ByChoice(String param, Map<String, TableSpec> specs) implements ColumnOp {
        public ByChoice {
            specs = Map.copyOf(specs);
        }

        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            return Optional.ofNullable(specs.get(context.params().text(param)));
        }
    }

    /** Only these columns, in the order given. */
    record Keep(Cols columns) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            return columns.resolve(context).map(names -> new TableSpec(names.stream()
                    .map(n -> table.column(n).orElse(null)).filter(Objects::nonNull).toList()));
        }
    }

    /** All but these columns. */
    record Drop(Cols columns) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            return columns.resolve(context).map(names -> new TableSpec(table.columns().stream()
                    .filter(c -> !names.contains(c.name())).toList()));
        }
    }

    /** One column appended (or replaced in place when the table has one of that name). */
    record Add(Name name, Type type) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            Optional<String> n = name.resolve(context);
            Optional<DataType> t = type.resolve(context);
            if (n.isEmpty() || t.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(table.withColumns(List.of(ColumnSpec.of(n.get(), t.get()))));
        }
    }

    /**
     * One column per column of {@code columns}, named by {@code template} with {@code {column}} standing for the
     * column's name (e.g. {@code {column}_index}) and {@code {param}} for the value of the text param of that name
     * (e.g. {@code {column}{suffix}}: a blank suffix writes in place); appended, or replacing a column of the same name
     * in place. Without a type, each new column takes the type of the column it derives from.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddEach(Cols columns, String template, Type type) implements ColumnOp {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            Optional<List<String>> names = columns.resolve(context);
            Optional<DataType> t = type == null ? Optional.empty() : type.resolve(context);
            if (names.isEmpty() || type != null && t.isEmpty()) {
                return Optional.empty();
            }
            List<ColumnSpec> added = new ArrayList<>();
            for (String source : names.get()) {
                Optional<ColumnSpec> column = table.column(source);
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                added.add(ColumnSpec.of(withParams(context).replace("{column}", source),
                        t.orElse(column.get().type())));
            }
            return Optional.of(table.withColumns(added));
        }

        /** The template with each {@code {param}} placeholder but {@code {column}} replaced by the param's text. */
        private String withParams(SchemaRule.Context context) {
            Matcher placeholder = PLACEHOLDER.matcher(template);
            StringBuilder name = new StringBuilder();
            while (placeholder.find()) {
                String param = placeholder.group(1);
                String value = param.equals("column") ? placeholder.group()
                        : Objects.toString(context.params().text(param), "");
                placeholder.appendReplacement(name, Matcher.quoteReplacement(value));
            }
            return placeholder.appendTail(name).toString();
        }
    }

    /**
     * As many columns as an integer param says, named {@code prefix0}, {@code prefix1} … and all of one type (the
     * features of generated data); appended, or replacing columns of the same names in place. Unknown while the
     * count is unset.
     */
    record AddSeries(String prefix, String countParam, Type type) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            Optional<DataType> t = type.resolve(context);
            if (!(context.params().raw(countParam) instanceof Number count) || t.isEmpty()) {
                return Optional.empty();
            }
            List<ColumnSpec> added = new ArrayList<>();
            for (int i = 0; i < count.intValue(); i++) {
                added.add(ColumnSpec.of(prefix + i, t.get()));
            }
            return Optional.of(table.withColumns(added));
        }
    }

    /** These columns, in place, of another type. */
    record Retype(Cols columns, Type type) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            Optional<List<String>> names = columns.resolve(context);
            Optional<DataType> t = type.resolve(context);
            if (names.isEmpty() || t.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TableSpec(table.columns().stream()
                    .map(c -> names.get().contains(c.name()) ? ColumnSpec.of(c.name(), t.get()) : c)
                    .toList()));
        }
    }

    /** One column renamed in place. */
    record Rename(Name from, Name to) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            Optional<String> f = from.resolve(context);
            Optional<String> t = to.resolve(context);
            if (f.isEmpty() || t.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TableSpec(table.columns().stream()
                    .filter(c -> c.name().equals(f.get()) || !c.name().equals(t.get()))
                    .map(c -> c.name().equals(f.get()) ? ColumnSpec.of(t.get(), c.type()) : c)
                    .toList()));
        }
    }

    /**
     * Columns renamed in place as a text param lists them: {@code old=new} pairs separated by commas or new lines
     * ({@link #renames}). Unknown while the text does not parse.
     */
    record RenameEach(String param) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            Map<String, String> renames;
            try {
                renames = renames(context.params().text(param));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.of(new TableSpec(table.columns().stream()
                    .map(c -> ColumnSpec.of(renames.getOrDefault(c.name(), c.name()), c.type())).toList()));
        }

        /**
         * Parses {@code old=new} pairs separated by commas or new lines; blank text is no rename.
         *
         * @throws IllegalArgumentException naming the pair that is not {@code old=new}, or a name renamed twice
         */
        public static Map<String, String> renames(String text) {
            Map<String, String> renames = new LinkedHashMap<>();
            if (text == null) {
                return renames;
            }
            for (String pair : text.split("[,\\n]")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] parts = pair.split("=", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("'" + pair.strip() + "' is not old=new");
                }
                if (renames.put(parts[0].strip(), parts[1].strip()) != null) {
                    throw new IllegalArgumentException("'" + parts[0].strip() + "' is renamed twice");
                }
            }
            return renames;
        }
    }

    /** Columns known only once the node has run (SQL, a pivot): the output spec stays unknown before. */
    record Unknown() implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            return Optional.empty();
        }
    }

    /**
     * The columns of the table on another input appended (a join's right side); a name the table already has gets
     * {@code clashSuffix} appended.
     */
    record AppendPort(String port, String clashSuffix) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            if (!(context.input(port).orElse(null) instanceof TableSpec other)) {
                return Optional.empty();
            }
            Map<String, ColumnSpec> merged = new LinkedHashMap<>();
            table.columns().forEach(c -> merged.put(c.name(), c));
            for (ColumnSpec c : other.columns()) {
                String name = c.name();
                while (merged.containsKey(name)) {
                    name = name + clashSuffix;
                }
                merged.put(name, ColumnSpec.of(name, c.type()));
            }
            return Optional.of(new TableSpec(new ArrayList<>(merged.values())));
        }
    }

    /** The outputs of the model on {@code modelPort} appended (a column of the same name is replaced in place). */
    record AppendModelOutputs(String modelPort) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            return context.input(modelPort).filter(ModelSpec.class::isInstance)
                    .map(m -> table.withColumns(((ModelSpec) m).outputs()));
        }
    }

    /**
     * The columns the model on {@code modelPort} reads appended, with the types it was trained on (a column of the
     * same name is replaced in place): a table keyed as the model's input is, such as a recommender's users and items.
     */
    record AppendModelFeatures(String modelPort) implements ColumnOp {
        @Override
        public Optional<TableSpec> apply(TableSpec table, SchemaRule.Context context) {
            return context.input(modelPort).filter(ModelSpec.class::isInstance)
                    .map(m -> table.withColumns(((ModelSpec) m).features()));
        }
    }
}
