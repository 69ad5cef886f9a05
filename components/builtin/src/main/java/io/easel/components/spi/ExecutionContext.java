package io.easel.components.spi;

import io.easel.component.Param;
import io.easel.component.Port;
import org.apache.spark.sql.SparkSession;

/** What a component sees while it runs: its inputs, params and the session, and where outputs go. */
public interface ExecutionContext {

    SparkSession spark();

    String nodeId();

    /** The param's value as the user set it, else its default; null when neither. */
    <T> T param(Param<T> param);

    TableData table(Port input);

    ModelData model(Port input);

    void output(Port port, TableData table);

    void output(Port port, ModelData model);

    void output(Port port, ReportData report);
}
