package io.easel.components.builtin.statistics;

import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table of statistics about the input rather than the input's records: it starts a new lineage at this node, so a
 * model trained on it downstream takes such tables as its raw records.
 */
final class Derived {

    private Derived() {}

    static TableData table(SparkComponent step, ExecutionContext ctx, Dataset<Row> rows, TableData input) {
        return TableData.startingLineage(rows,
                new FeatureLineage.InputBoundary(ctx.nodeId(), step.descriptor().title().en()), input);
    }
}
