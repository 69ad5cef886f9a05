package io.easel.component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The params of one node after {@link ParamBinder binding}: each value is the user's, else the default, and has been
 * checked against its declaration and, where the input's columns are known, against those columns. Column params
 * are also resolved to the columns they name, so a component reads a label as a typed {@link ColumnSpec} and an
 * empty "all other columns" list as the columns it stands for.
 */
public final class BoundParams {

    private final Map<String, ParamDef> defs;
    private final Map<String, Object> values;
    private final Map<String, List<ColumnSpec>> columns;
    private final Map<String, Object> userSet;

    BoundParams(Map<String, ParamDef> defs, Map<String, Object> values, Map<String, List<ColumnSpec>> columns,
            Map<String, Object> userSet) {
        this.defs = Collections.unmodifiableMap(new LinkedHashMap<>(defs));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.userSet = Collections.unmodifiableMap(new LinkedHashMap<>(userSet));
    }

    /** The bound value; null only for a param that is neither set nor defaulted (and so not required). */
    public <T> T get(Param<T> param) {
        return param.read(raw(param.name()));
    }

    /** The bound value as JSON data (a resolved column list for "all other columns" params). */
    public Object raw(String name) {
        requireDeclared(name);
        return values.get(name);
    }

    /** A param read as text, for rules that refer to params by name; null when unset. */
    public String text(String name) {
        Object value = raw(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object value = raw(name);
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }

    /**
     * The column a column param names, with its type.
     *
     * @throws IllegalStateException when the input's columns were not known at binding (only validation binds so)
     */
    public ColumnSpec column(Param<String> param) {
        List<ColumnSpec> resolved = columnSpecs(param.name()).orElseThrow(() -> unresolved(param.name()));
        return resolved.isEmpty() ? null : resolved.getFirst();
    }

    /** The columns a columns param names (every suitable column when it is an empty "all" param), in order. */
    public List<ColumnSpec> columns(Param<List<String>> param) {
        return columnSpecs(param.name()).orElseThrow(() -> unresolved(param.name()));
    }

    /** The resolved columns of a column param; empty when its input's columns are not known. */
    public Optional<List<ColumnSpec>> columnSpecs(String name) {
        requireDeclared(name);
        return Optional.ofNullable(columns.get(name));
    }

    /** The values as the user set them (what experiments save). */
    public Map<String, Object> userSet() {
        return userSet;
    }

    private void requireDeclared(String name) {
        if (!defs.containsKey(name)) {
            throw new IllegalArgumentException("No param '" + name + "' is declared (there are " + defs.keySet()
                    + ")");
        }
    }

    private static IllegalStateException unresolved(String name) {
        return new IllegalStateException("The columns of param '" + name + "' are not known: its input was not "
                + "known when the params were bound");
    }
}
