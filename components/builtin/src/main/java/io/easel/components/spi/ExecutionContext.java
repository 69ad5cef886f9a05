package io.easel.components.spi;

import io.easel.component.BoundParams;
import io.easel.component.ColumnSpec;
import io.easel.component.Param;
import io.easel.component.Port;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What a component sees while it runs: its inputs, its params and the session, and where outputs go. The params are
 * bound before {@code execute} against the real input tables: a required param has a value, every value is within
 * its declared range and choices, and column params name existing columns of allowed types. A component does not
 * check any of that again.
 */
public interface ExecutionContext {

    SparkSession spark();

    String nodeId();

    BoundParams params();

    /** The param's bound value: the user's, else its default; null only when neither (an optional param). */
    default <T> T param(Param<T> param) {
        return params().get(param);
    }

    /** The column a column param names, with its type; null when an optional param is unset. */
    default ColumnSpec column(Param<String> param) {
        return params().column(param);
    }

    /** The columns a columns param names, or every suitable column when it is an empty "all" param. */
    default List<ColumnSpec> columns(Param<List<String>> param) {
        return params().columns(param);
    }

    /** Where this run may read data files (the data roots the server gave the run). */
    DataAccess data();

    TableData table(Port input);

    ModelData model(Port input);

    void output(Port port, TableData table);

    void output(Port port, ModelData model);

    void output(Port port, ReportData report);
}
