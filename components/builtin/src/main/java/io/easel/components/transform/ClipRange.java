package io.easel.components.transform;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Limits numeric columns to fitted bounds, keeping their types: below {@code lower} becomes {@code lower}, above
 * {@code upper} becomes {@code upper}; missing values (null, NaN) stay as they are. Written in place when an output is
 * named as its input. Its converter ({@code io.easel.components.pmml.ClipRangeConverter}) writes the same as a
 * derived field, checking for a missing value first (PMML comparisons refuse one).
 */
public final class ClipRange extends ColumnwiseTransformer<ClipRange> {

    private final DoubleArrayParam lower;
    private final DoubleArrayParam upper;

    public ClipRange() {
        this(Identifiable.randomUID("easelClipRange"));
    }

    public ClipRange(String uid) {
        super(uid, "the numeric columns to clip", "where the clipped values go, one per input");
        this.lower = new DoubleArrayParam(this, "lower", "the lowest value kept, per input");
        this.upper = new DoubleArrayParam(this, "upper", "the highest value kept, per input");
    }

    public static MLReader<ClipRange> read() {
        return new DefaultParamsReader<>();
    }

    public static ClipRange load(String path) {
        return read().load(path);
    }

    public DoubleArrayParam lower() {
        return lower;
    }

    public DoubleArrayParam upper() {
        return upper;
    }

    public ClipRange setBounds(double[] lowest, double[] highest) {
        set(lower, lowest);
        set(upper, highest);
        return this;
    }

    public double[] getLower() {
        return $(lower);
    }

    public double[] getUpper() {
        return $(upper);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        if (inputs.size() != getOutputCols().size() || inputs.size() != getLower().length
                || inputs.size() != getUpper().length) {
            throw new IllegalArgumentException("ClipRange: " + inputs.size() + " inputs, " + getOutputCols().size()
                    + " outputs, " + getLower().length + " lower and " + getUpper().length + " upper bounds");
        }
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            DataType type = schema.apply(inputs.get(i)).dataType();
            if (!(type instanceof NumericType)) {
                throw new IllegalArgumentException("ClipRange: column '" + inputs.get(i) + "' is "
                        + type.simpleString() + ", not a number");
            }
            StructField clipped = new StructField(getOutputCols().get(i), type, true,
                    org.apache.spark.sql.types.Metadata.empty());
            int at = Arrays.asList(result.fieldNames()).indexOf(clipped.name());
            if (at >= 0) {
                StructField[] fields = result.fields().clone();
                fields[at] = clipped;
                result = new StructType(fields);
            } else {
                result = result.add(clipped);
            }
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> clipped = new LinkedHashMap<>();
        for (int i = 0; i < getInputCols().size(); i++) {
            String input = getInputCols().get(i);
            DataType type = dataset.schema().apply(input).dataType();
            Column value = dataset.col("`" + input.replace("`", "``") + "`");
            Column low = lit(getLower()[i]).cast(type);
            Column high = lit(getUpper()[i]).cast(type);
            // NaN is missing here, not larger than every number as Spark would compare it.
            Column number = value.isNotNull().and(type.sameType(org.apache.spark.sql.types.DataTypes.DoubleType)
                    ? isnan(value).equalTo(false) : lit(true));
            clipped.put(getOutputCols().get(i), when(number.and(value.lt(low)), low)
                    .when(number.and(value.gt(high)), high).otherwise(value));
        }
        return dataset.withColumns(clipped);
    }
}
