package io.easel.components.builtin.preparation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;

import io.easel.components.spi.ModelData;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Picks the same share of rows from every value of a column (a stratum), exactly: each stratum's rows are shuffled by
 * a seeded random number and the first round(fraction × size) of them are picked. A missing value is a stratum too.
 */
final class Strata {

    private static final String PICKED = ModelData.INTERNAL_PREFIX + "picked";

    private final Dataset<Row> marked;

    Strata(Dataset<Row> rows, String column, double fraction, long seed) {
        WindowSpec stratum = Window.partitionBy(col(SelectColumns.quoted(column)));
        Column position = row_number().over(stratum.orderBy(rand(seed)));
        Column size = count(lit(1)).over(stratum);
        this.marked = rows.withColumn(PICKED, position.leq(round(size.multiply(fraction))));
    }

    Dataset<Row> picked() {
        return marked.filter(col(PICKED)).drop(PICKED);
    }

    Dataset<Row> rest() {
        return marked.filter(col(PICKED).equalTo(false)).drop(PICKED);
    }
}
