package io.easel.components.spi;

import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A table flowing between nodes: its rows and how its columns came from raw records. */
public record TableData(Dataset<Row> rows, FeatureLineage lineage) {

    /** A table read by a source: its own columns are the raw ones. */
    public static TableData source(Dataset<Row> rows) {
        return new TableData(rows, FeatureLineage.source(rows.schema()));
    }

    /** Same columns, other rows (split, filter, sample): the lineage carries over. */
    public TableData withRows(Dataset<Row> newRows) {
        return new TableData(newRows, lineage);
    }

    /** Applies a fitted column-wise transformer and records it, so exported models replay it on raw records. */
    public TableData transform(Transformer step) {
        return new TableData(step.transform(rows), lineage.then(step));
    }
}
