package io.easel.components.builtin.statistics;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A symmetric matrix over numeric columns (correlations, covariances): as a heat map for the report and as a long
 * table with one row per ordered pair of columns, easy to filter and sort downstream ("pairs above 0.8").
 *
 * @param names the columns, in the order chosen
 * @param values {@code values[i][j]} for columns i and j; NaN where undefined (a constant column's correlation)
 * @param rows how many rows the values were computed from
 */
record PairMatrix(List<String> names, double[][] values, long rows) {

    static final String FIRST = "column1";
    /** The column of {@link #vectors}. */
    static final String VECTOR = "__values";
    static final String SECOND = "column2";

    static TableSpec table(String measure) {
        return TableSpec.of(ColumnSpec.of(FIRST, DataType.STRING), ColumnSpec.of(SECOND, DataType.STRING),
                ColumnSpec.of(measure, DataType.DOUBLE));
    }

    static Port out(String measure, Text title) {
        return Port.output("out", PortType.TABLE, title, SchemaRule.fixed(table(measure)));
    }

    /** The names of the chosen columns, refusing fewer than two. */
    static List<String> names(String componentId, List<ColumnSpec> columns) {
        if (columns.size() < 2) {
            throw new IllegalArgumentException("Param 'columns': " + componentId + " relates columns in pairs; "
                    + "choose at least two numeric columns (the input has " + columns.size() + " chosen)");
        }
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /**
     * The chosen columns of the rows that have a value (not null, not NaN) in each, as one vector column
     * {@value #VECTOR}: what Spark's matrix statistics read.
     */
    static Dataset<Row> vectors(Dataset<Row> rows, List<ColumnSpec> columns) {
        Dataset<Row> numbers = Quantiles.numbers(rows, columns);
        // "skip" leaves out the rows with a missing value in any column
        return new VectorAssembler().setInputCols(numbers.columns()).setOutputCol(VECTOR).setHandleInvalid("skip")
                .transform(numbers).select(VECTOR);
    }

    /** Refuses a matrix computed from no row at all. */
    static void requireRows(String componentId, long rows) {
        if (rows == 0) {
            throw new IllegalArgumentException(componentId + ": no row has a value in every chosen column; choose "
                    + "columns with fewer missing values, or fill them first");
        }
    }

    /** The values of a Spark matrix, row by row. */
    static double[][] values(org.apache.spark.ml.linalg.Matrix matrix) {
        double[][] values = new double[matrix.numRows()][matrix.numCols()];
        for (int i = 0; i < matrix.numRows(); i++) {
            for (int j = 0; j < matrix.numCols(); j++) {
                values[i][j] = matrix.apply(i, j);
            }
        }
        return values;
    }

    TableData table(SparkComponent step, ExecutionContext ctx, String measure, TableData input) {
        List<Row> pairs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                pairs.add(RowFactory.create(names.get(i), names.get(j), Columns.finite(values[i][j])));
            }
        }
        return Derived.table(step, ctx, ctx.spark().createDataFrame(pairs, SparkTypes.toSchema(table(measure))),
                input);
    }

    /** The report's heat map; undefined cells are null. */
    Object chart() {
        List<List<Double>> cells = new ArrayList<>();
        for (double[] row : values) {
            List<Double> cellsOfRow = new ArrayList<>();
            for (double value : row) {
                cellsOfRow.add(Columns.finite(value));
            }
            cells.add(cellsOfRow);
        }
        return Charts.matrix(names, cells);
    }
}
