package io.easel.components.transform;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Puts each input's values into bins between ascending thresholds: the output is the number of the column's
 * thresholds the value is above (0 up to the first threshold inclusive, 1 up to the second, …), as a double; missing
 * (null or NaN) stays missing. One threshold is a binarizer ({@code x > t}), several a bucketizer or, with fitted
 * quantiles, a quantile discretizer. Exported by {@code io.easel.components.pmml.ColumnBinsConverter}.
 */
public final class ColumnBins extends ColumnwiseTransformer<ColumnBins> {

    private final DoubleArrayArrayParam thresholds;

    public ColumnBins() {
        this(Identifiable.randomUID("easelColumnBins"));
    }

    public ColumnBins(String uid) {
        super(uid, "numeric columns to bin", "where the bin numbers go, one per input (may be the input)");
        this.thresholds = new DoubleArrayArrayParam(this, "thresholds", "ascending bin limits, per input");
    }

    public static MLReader<ColumnBins> read() {
        return new DefaultParamsReader<>();
    }

    public static ColumnBins load(String path) {
        return read().load(path);
    }

    public DoubleArrayArrayParam thresholds() {
        return thresholds;
    }

    public ColumnBins setThresholds(double[][] values) {
        set(thresholds, values);
        return this;
    }

    public double[][] getThresholds() {
        return $(thresholds);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        ColumnwiseSchema.check(this, schema, getThresholds().length);
        return ColumnwiseSchema.withDoubleOutputs(schema, getOutputCols());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> bins = new LinkedHashMap<>();
        List<String> inputs = getInputCols();
        for (int i = 0; i < inputs.size(); i++) {
            Column x = dataset.col(inputs.get(i)).cast(DataTypes.DoubleType);
            double[] limits = getThresholds()[i];
            Column bin = when(x.isNull().or(isnan(x)), lit(null).cast(DataTypes.DoubleType));
            for (int b = 0; b < limits.length; b++) {
                bin = bin.when(x.leq(limits[b]), lit((double) b));
            }
            bins.put(getOutputCols().get(i), bin.otherwise(lit((double) limits.length)));
        }
        return dataset.withColumns(bins);
    }
}
