package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of parameter a form can edit; each maps to one widget. */
public enum ParamType {
    STRING,
    INTEGER,
    DOUBLE,
    BOOLEAN,
    /** One of a fixed list of values. */
    CHOICE,
    /** One column of an input table, picked from the inferred upstream schema. */
    COLUMN,
    /** Several columns of an input table. */
    COLUMNS,
    /** A table schema in the compact {@code name:type,...} form. */
    SCHEMA,
    /**
     * Values to try for params of the learner whose model arrives at an input ({@link ParamDef#learnerOf()}), in the
     * compact form of {@link SearchSpace}, e.g. {@code maxDepth: 3, 5, 7; stepSize: 0.05..0.3}.
     */
    SEARCH_SPACE,
    /**
     * Where data files are, in a file system: read only under the data roots the server is configured with
     * ({@link io.easel.run.DataRoots}), which validation checks.
     */
    PATH,
    /**
     * Where a component writes data files: under the data roots that may be written (all but the bundled samples,
     * {@link io.easel.run.DataRoots#resolveWritable}), which validation checks.
     */
    OUTPUT_PATH,
    /**
     * The name of a database connection the server is configured with ({@link io.easel.run.JdbcConnections}), which
     * validation checks; never a URL or a password.
     */
    CONNECTION;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ParamType fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
