package io.easel.component;

import io.easel.component.ParamProblem.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds the params a user set on a node to the component's declaration and to the specs arriving at its inputs, as
 * Spark's {@code transformSchema} checks a stage before it runs. Validation binds against inferred specs (columns
 * may be unknown, and are then not checked); the engine binds again against the real input tables before
 * {@code execute}, so a component reads values that are present, in range, and name existing columns of allowed types.
 * Params about the learner of a model input ({@link ParamDef#learnerOf()}) are checked against that learner's
 * declaration when it can be looked up: a search space names its params, a choice suits its category.
 */
public final class ParamBinder {

    private ParamBinder() {}

    /** The bound params, and every problem found; the params are usable only when there is none. */
    public record Binding(BoundParams params, List<ParamProblem> problems) {
        public Binding {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param userSet the values the user set, as saved
     * @param inputs the spec arriving at each input port, empty when unconnected or not known
     */
    public static Binding bind(ComponentDescriptor component, Map<String, Object> userSet,
            Function<String, Optional<PortSpec>> inputs) {
        return bind(component, userSet, inputs, algorithm -> Optional.empty());
    }

    /**
     * @param learners the declaration of a learner by its component id (a model spec's algorithm), when known
     */
    public static Binding bind(ComponentDescriptor component, Map<String, Object> userSet,
            Function<String, Optional<PortSpec>> inputs, Function<String, Optional<ComponentDescriptor>> learners) {
        Map<String, Object> set = userSet == null ? Map.of() : userSet;
        List<ParamProblem> problems = new ArrayList<>();
        for (String name : set.keySet()) {
            if (component.param(name).isEmpty()) {
                problems.add(new ParamProblem(name, null, Kind.UNKNOWN_PARAM, "there is no param '" + name
                        + "' (params: " + component.params().stream().map(ParamDef::name).toList() + ")"));
            }
        }
        ParamValues raw = new ParamValues(component.params(), set);
        Map<String, ParamDef> defs = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamDef def : component.params()) {
            defs.put(def.name(), def);
            Object value = raw.isVisible(def) ? raw.raw(def.name()) : def.defaultValue();
            values.put(def.name(), ParamDef.isEmpty(value) ? null : value);
        }
        Map<String, List<ColumnSpec>> columns = new LinkedHashMap<>();
        for (ParamDef def : component.params()) {
            if (!raw.isVisible(def)) {
                namesNoColumn(def, inputs, columns); // hidden, it has no effect
                continue;
            }
            Object value = values.get(def.name());
            boolean allColumns = def.columns() != null && def.columns().allWhenEmpty();
            if (value == null) {
                if (def.required() && !allColumns) {
                    problems.add(new ParamProblem(def.name(), null, Kind.MISSING_PARAM,
                            "param '" + def.name() + "' is required"));
                    continue;
                }
                if (!allColumns) {
                    namesNoColumn(def, inputs, columns); // an optional column param left unset
                    continue;
                }
            }
            Optional<String> invalid = def.check(value);
            if (invalid.isPresent()) {
                problems.add(new ParamProblem(def.name(), null, Kind.INVALID_PARAM,
                        "param '" + def.name() + "': " + invalid.get()));
                values.put(def.name(), null);
                continue;
            }
            List<String> unsuitable = learnerProblems(def, value, inputs, learners);
            if (!unsuitable.isEmpty()) {
                unsuitable.forEach(problem -> problems.add(new ParamProblem(def.name(), def.learnerOf(),
                        Kind.INVALID_PARAM, "param '" + def.name() + "': " + problem)));
                values.put(def.name(), null);
                continue;
            }
            if (def.newColumnOf() != null && value instanceof String name
                    && inputs.apply(def.newColumnOf()).orElse(null) instanceof TableSpec table
                    && table.column(name.strip()).isPresent()) {
                problems.add(new ParamProblem(def.name(), def.newColumnOf(), Kind.COLUMN_EXISTS, "param '"
                        + def.name() + "' names a new column '" + name.strip() + "', but input '"
                        + def.newColumnOf() + "' already has a column of that name; choose another name"));
                continue;
            }
            if (def.columns() != null && inputs.apply(def.columns().port()).orElse(null) instanceof TableSpec table) {
                bindColumns(def, value, table, values, problems).ifPresent(resolved -> {
                    columns.put(def.name(), resolved);
                    if (allColumns && value == null) {
                        values.put(def.name(), resolved.stream().map(ColumnSpec::name).toList());
                    }
                });
            }
        }
        return new Binding(new BoundParams(defs, values, columns, set), problems);
    }

    /** Resolves a column param that names nothing to no column, once its input's columns are known. */
    private static void namesNoColumn(ParamDef def, Function<String, Optional<PortSpec>> inputs,
            Map<String, List<ColumnSpec>> columns) {
        if (def.columns() != null && inputs.apply(def.columns().port()).orElse(null) instanceof TableSpec) {
            columns.put(def.name(), List.of());
        }
    }

    /** What is wrong with a param about the learner of a model input, once that learner is known. */
    private static List<String> learnerProblems(ParamDef def, Object value,
            Function<String, Optional<PortSpec>> inputs, Function<String, Optional<ComponentDescriptor>> learners) {
        if (def.learnerOf() == null || !(inputs.apply(def.learnerOf()).orElse(null) instanceof ModelSpec model)) {
            return List.of();
        }
        return learners.apply(model.algorithm()).map(learner -> LearnerParamCheck.problems(def, value, learner))
                .orElse(List.of());
    }

    private static Optional<List<ColumnSpec>> bindColumns(ParamDef def, Object value, TableSpec table,
            Map<String, Object> values, List<ParamProblem> problems) {
        ParamDef.ColumnFilter filter = def.columns();
        Set<String> excluded = new HashSet<>();
        for (String other : filter.exclude()) {
            Object named = values.get(other);
            if (named instanceof String s) {
                excluded.add(s);
            } else if (named instanceof List<?> list) {
                list.forEach(n -> excluded.add((String) n));
            }
        }
        if (value == null) {
            List<ColumnSpec> all = table.columns().stream()
                    .filter(c -> filter.accepts(c.type()) && !excluded.contains(c.name()))
                    .toList();
            if (all.isEmpty()) {
                problems.add(new ParamProblem(def.name(), filter.port(), Kind.NO_COLUMNS, "param '" + def.name()
                        + "' is empty, which means every " + typesText(filter) + "column of input '"
                        + filter.port() + "'" + (excluded.isEmpty() ? "" : " besides " + quoted(excluded))
                        + ", but there is none (it has " + table.format() + ")"));
                return Optional.empty();
            }
            return Optional.of(all);
        }
        List<?> names = value instanceof List<?> list ? list : List.of(value);
        List<ColumnSpec> resolved = new ArrayList<>();
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (Object item : names) {
            String name = (String) item;
            Optional<ColumnSpec> column = table.column(name);
            if (column.isEmpty()) {
                problems.add(new ParamProblem(def.name(), filter.port(), Kind.UNKNOWN_COLUMN, "param '"
                        + def.name() + "' names column '" + name + "', which input '" + filter.port()
                        + "' does not have (it has " + table.columnNames() + ")"));
                ok = false;
            } else if (!filter.accepts(column.get().type())) {
                problems.add(new ParamProblem(def.name(), filter.port(), Kind.WRONG_COLUMN_TYPE, "param '"
                        + def.name() + "' needs a " + typesText(filter) + "column but '" + name + "' is "
                        + column.get().type().jsonName()
                        + (filter.hint() == null ? "" : "; " + filter.hint().en())));
                ok = false;
            } else if (excluded.contains(name)) {
                String other = filter.exclude().stream().filter(p -> names(values.get(p)).contains(name))
                        .findFirst().orElse("?");
                problems.add(new ParamProblem(def.name(), filter.port(), Kind.COLUMN_CONFLICT, "column '" + name
                        + "' is named by param '" + other + "' and cannot be in param '" + def.name()
                        + "' too"));
                ok = false;
            } else if (seen.add(name)) {
                resolved.add(column.get());
            }
        }
        return ok ? Optional.of(resolved) : Optional.empty();
    }

    private static List<?> names(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    private static String typesText(ParamDef.ColumnFilter filter) {
        if (filter.types().isEmpty()) {
            return "";
        }
        return filter.types().stream().map(DataType::jsonName).collect(Collectors.joining("/")) + " ";
    }

    private static String quoted(Set<String> names) {
        return names.stream().sorted().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }
}
