package io.easel.components.spi;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table flowing between nodes: its rows and how its columns came from raw records.
 *
 * <p>The lineage may be known only as where to get it ({@link #withLineageFrom}): a table an earlier run stored
 * has its fitted steps saved, and loading them reads every step back with Spark, which only a node that trains or
 * exports a model needs; a re-run that only changes an evaluation never does. Such a lineage is loaded on the first
 * {@link #lineage()}, once for the table and every table derived from it.
 */
public final class TableData {

    private final Dataset<Row> rows;
    private final Supplier<FeatureLineage> lineage;
    private final List<Column> order;

    /**
     * @param order the sort keys when the row order is part of the result (most important feature first), else
     *     empty. A Spark table has no order of its own once stored: its files are read back in any order (largest
     *     first). The keys are applied again wherever the rows are read back, so the order holds in the stored
     *     result, in what the REST API shows and for downstream nodes.
     */
    public TableData(Dataset<Row> rows, FeatureLineage lineage, List<Column> order) {
        this(rows, () -> lineage, order);
    }

    private TableData(Dataset<Row> rows, Supplier<FeatureLineage> lineage, List<Column> order) {
        this.rows = rows;
        this.lineage = lineage instanceof Once<FeatureLineage> once ? once : new Once<>(lineage);
        this.order = order == null ? List.of() : List.copyOf(order);
    }

    /**
     * A table whose lineage is loaded when first asked for ({@code lineage} is called at most once, and its failure is
     * that of the node asking).
     */
    public static TableData withLineageFrom(Dataset<Row> rows, Supplier<FeatureLineage> lineage) {
        return new TableData(rows, lineage, List.of());
    }

    public Dataset<Row> rows() {
        return rows;
    }

    /** How its columns came from raw records; loaded now if it was known only as where to get it. */
    public FeatureLineage lineage() {
        return lineage.get();
    }

    /** The sort keys when the row order is part of the result, else empty (see the constructor). */
    public List<Column> order() {
        return order;
    }

    /** A table whose row order means nothing. */
    public TableData(Dataset<Row> rows, FeatureLineage lineage) {
        this(rows, lineage, List.of());
    }

    /** A table read by a source: its own columns are the raw ones. */
    public static TableData source(Dataset<Row> rows) {
        return new TableData(rows, FeatureLineage.source(rows.schema()));
    }

    /**
     * The output of a step with no PMML form (join, SQL, group-by …): its columns are the raw input of any model
     * trained downstream, which then takes records as they come out of this step ({@link FeatureLineage}).
     *
     * @param inputs the step's input tables, whose earlier boundaries are kept for the record
     */
    public static TableData startingLineage(Dataset<Row> rows, FeatureLineage.InputBoundary step,
            TableData... inputs) {
        return new TableData(rows, FeatureLineage.startingAt(step, rows.schema(),
                Arrays.stream(inputs).map(TableData::lineage).toList()));
    }

    /**
     * Same columns, other rows (split, filter, sample): the lineage carries over, a stated order does not (the new
     * rows may not even have its columns).
     */
    public TableData withRows(Dataset<Row> newRows) {
        return new TableData(newRows, lineage, List.of());
    }

    /** These rows sorted by {@code keys}, an order that is part of the result and is kept when stored. */
    public TableData inOrder(Column... keys) {
        return new TableData(rows.orderBy(keys), lineage, List.of(keys));
    }

    /** This table's rows as read back from where they were stored, in its stated order if it has one. */
    public TableData readBack(Dataset<Row> stored) {
        return new TableData(order.isEmpty() ? stored : stored.orderBy(order.toArray(Column[]::new)), lineage, order);
    }

    /** Applies a fitted column-wise transformer and records it, so exported models replay it on raw records. */
    public TableData transform(Transformer step) {
        return new TableData(step.transform(rows), () -> lineage().then(step), List.of());
    }

    /**
     * Applies a fitted column-wise transformer that has no PMML form and records it: Spark replays it, but models
     * trained downstream are not deployable and say so ({@link FeatureLineage.PmmlGap}).
     */
    public TableData transformWithoutPmml(Transformer step, FeatureLineage.PmmlGap gap) {
        return new TableData(step.transform(rows), () -> lineage().thenWithoutPmml(step, gap), List.of());
    }

    @Override
    public String toString() {
        return "TableData[rows=" + rows + ", order=" + order + "]";
    }

    /** A value computed on the first call only, from whichever thread asks first. */
    private static final class Once<T> implements Supplier<T> {

        private Supplier<T> source;
        private T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public synchronized T get() {
            if (source != null) {
                value = source.get();
                source = null; // what it held (a loader, a parent table's lineage) can go
            }
            return value;
        }
    }
}
