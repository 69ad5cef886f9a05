package io.easel.components.transform;

import io.easel.component.DataType;
import io.easel.components.spi.SparkTypes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Changes the type of some columns, in place or into new columns. Values that do not convert become null (Spark's
 * {@code try_cast}); text converts to boolean as Spark reads it ({@code true/t/yes/y/1}, {@code false/f/no/n/0}).
 *
 * <p>Spark's {@code SQLTransformer} cannot do this in a way JPMML-SparkML exports: a cast written back under the
 * column's own name defines a PMML field twice. This transformer has its own converter
 * ({@code io.easel.components.pmml.ColumnTypeCastConverter}, registered in {@code META-INF/sparkml2pmml.properties})
 * which gives the converted values a new PMML field and maps the Spark column to it.
 */
public final class ColumnTypeCast extends ColumnwiseTransformer<ColumnTypeCast> {

    private final Param<String> targetType;

    public ColumnTypeCast() {
        this(Identifiable.randomUID("easelColumnTypeCast"));
    }

    public ColumnTypeCast(String uid) {
        super(uid, "columns to convert", "where the converted values go, one per input column; empty: in place");
        this.targetType = new Param<>(this, "targetType", "Easel column type to convert to, e.g. double");
        setDefault(outputCols(), new String[0]);
    }

    public static MLReader<ColumnTypeCast> read() {
        return new DefaultParamsReader<>();
    }

    public static ColumnTypeCast load(String path) {
        return read().load(path);
    }

    public Param<String> targetType() {
        return targetType;
    }

    public ColumnTypeCast setTargetType(DataType type) {
        set(targetType, type.jsonName());
        return this;
    }

    /** Where each input column's converted values go: the output column, or the input column itself. */
    @Override
    public List<String> getOutputCols() {
        String[] outputs = $(outputCols());
        return outputs.length == 0 ? getInputCols() : Arrays.asList(outputs);
    }

    public DataType getTargetType() {
        return DataType.fromJson($(targetType));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        List<String> outputs = getOutputCols();
        if (inputs.size() != outputs.size()) {
            throw new IllegalArgumentException("ColumnTypeCast: " + inputs.size() + " input columns but "
                    + outputs.size() + " output columns");
        }
        DataType target = getTargetType();
        if (target == DataType.VECTOR || target == DataType.TOKENS || target == DataType.DATE
                || target == DataType.TIMESTAMP) {
            throw new IllegalArgumentException("ColumnTypeCast converts to numbers, text or boolean, not " + target);
        }
        List<String> names = Arrays.asList(schema.fieldNames());
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            if (!names.contains(inputs.get(i))) {
                throw new IllegalArgumentException("Column '" + inputs.get(i) + "' does not exist (there are "
                        + names + ")");
            }
            StructField converted = new StructField(outputs.get(i), SparkTypes.toSpark(target), true,
                    org.apache.spark.sql.types.Metadata.empty());
            int at = Arrays.asList(result.fieldNames()).indexOf(outputs.get(i));
            StructField[] fields = result.fields().clone();
            if (at >= 0) {
                fields[at] = converted;
                result = new StructType(fields);
            } else {
                result = result.add(converted);
            }
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        org.apache.spark.sql.types.DataType target = SparkTypes.toSpark(getTargetType());
        List<String> inputs = getInputCols();
        List<String> outputs = getOutputCols();
        Map<String, Column> converted = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Column input = dataset.col(inputs.get(i));
            boolean alreadyThere = dataset.schema().apply(inputs.get(i)).dataType().equals(target);
            converted.put(outputs.get(i), alreadyThere ? input : input.try_cast(target));
        }
        return dataset.withColumns(converted);
    }
}
