package io.easel.components.builtin.preparation;

import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The output of a step with no PMML form (join, SQL, group-by, pivot, window, union, append id): it starts a new
 * lineage, naming the node and the step, so a model trained downstream says which step's records it takes.
 */
public final class NewLineage {

    private NewLineage() {}

    public static TableData of(SparkComponent step, ExecutionContext ctx, Dataset<Row> rows, TableData... inputs) {
        return TableData.startingLineage(rows,
                new FeatureLineage.InputBoundary(ctx.nodeId(), step.descriptor().title().en()), inputs);
    }
}
