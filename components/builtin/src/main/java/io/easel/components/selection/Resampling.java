package io.easel.components.selection;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * A table's rows divided into parts, so that a learner is judged on rows it did not see: k folds, each held out once
 * while the others train, or one validation part held out from a training part. Every row gets its part once (the
 * rows are cached with it) from a seeded random draw, so every setting a tuning tries is judged on the same parts.
 * For a classifier each part keeps the classes' shares: rows are dealt out class by class in random order.
 */
final class Resampling implements AutoCloseable {

    /** The internal column with each row's part, 0 to parts - 1. */
    static final String PART = ModelData.INTERNAL_PREFIX + "part";
    private static final String DRAW = ModelData.INTERNAL_PREFIX + "draw";

    private final Dataset<Row> tagged;
    private final List<Integer> heldOut;

    private Resampling(Dataset<Row> tagged, List<Integer> heldOut) {
        this.tagged = tagged;
        this.heldOut = List.copyOf(heldOut);
    }

    /**
     * {@code k} folds, each held out once.
     *
     * @param classes the label to keep the shares of in every fold; null to divide at random
     * @throws IllegalArgumentException when some fold would be empty
     */
    static Resampling folds(String componentId, Dataset<Row> rows, int k, long seed, ColumnSpec classes) {
        Dataset<Row> drawn = rows.withColumn(DRAW, rand(seed));
        Column part = classes == null ? floor(col(DRAW).multiply(k)).cast("int")
                : row_number().over(byClass(classes)).minus(1).mod(k).cast("int");
        return checked(componentId, drawn.withColumn(PART, part).drop(DRAW), IntStream.range(0, k).boxed().toList(),
                k + " folds");
    }

    /**
     * A training part of about {@code trainFraction} of the rows (part 1) and a validation part of the rest (part 0,
     * held out).
     */
    static Resampling split(String componentId, Dataset<Row> rows, double trainFraction, long seed,
            ColumnSpec classes) {
        Dataset<Row> drawn = rows.withColumn(DRAW, rand(seed));
        Column validation = classes == null ? col(DRAW).lt(1 - trainFraction)
                : row_number().over(byClass(classes)).minus(1)
                        .lt(count(lit(1)).over(Window.partitionBy(quoted(classes))).multiply(1 - trainFraction));
        return checked(componentId, drawn.withColumn(PART, when(validation, 0).otherwise(1)).drop(DRAW), List.of(0),
                "a training and a validation part");
    }

    private static WindowSpec byClass(ColumnSpec classes) {
        return Window.partitionBy(quoted(classes)).orderBy(col(DRAW));
    }

    private static Column quoted(ColumnSpec column) {
        return col("`" + column.name().replace("`", "``") + "`");
    }

    private static Resampling checked(String componentId, Dataset<Row> tagged, List<Integer> heldOut, String parts) {
        Dataset<Row> cached = tagged.persist();
        Map<Integer, Long> sizes = new TreeMap<>();
        cached.groupBy(PART).count().collectAsList().forEach(r -> sizes.put(r.getInt(0), r.getLong(1)));
        int partCount = heldOut.size() == 1 ? 2 : heldOut.size();
        if (sizes.size() < partCount) {
            cached.unpersist();
            long rows = sizes.values().stream().mapToLong(Long::longValue).sum();
            throw new IllegalArgumentException(componentId + ": input 'in' has " + rows + " rows, too few to divide "
                    + "into " + parts + " that all hold some; use fewer folds or more rows");
        }
        return new Resampling(cached, heldOut);
    }

    /** The parts a model is judged on, each after training on the others. */
    List<Integer> heldOut() {
        return heldOut;
    }

    /** The rows a model judged on {@code part} trains on, without the part column. */
    Dataset<Row> training(int part) {
        return tagged.filter(col(PART).notEqual(part)).drop(PART);
    }

    /** The rows of {@code part}, with the part column. */
    Dataset<Row> heldOut(int part) {
        return tagged.filter(col(PART).equalTo(part));
    }

    @Override
    public void close() {
        tagged.unpersist();
    }
}
