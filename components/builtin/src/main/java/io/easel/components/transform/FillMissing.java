package io.easel.components.transform;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Replaces missing values with a fixed value per column, into new columns: missing numbers (null or NaN) become a
 * double (the fitted form of mean or median imputation), missing text a text (a category of its own).
 *
 * <p>Spark's {@code ImputerModel} does the same, but JPMML-SparkML converts it only for raw input columns (it marks
 * the input field's missing-value replacement), so a column converted or derived by an earlier step could not be
 * exported. This transformer has its own converter ({@code io.easel.components.pmml.FillMissingConverter},
 * registered in {@code META-INF/sparkml2pmml.properties}) which writes {@code if isMissing(x) then v else x} as a
 * derived field, wherever {@code x} comes from.
 */
public final class FillMissing extends ColumnwiseTransformer<FillMissing> {

    private final StringArrayParam values;

    public FillMissing() {
        this(Identifiable.randomUID("easelFillMissing"));
    }

    public FillMissing(String uid) {
        super(uid, "numeric or text columns to fill", "where the filled values go, one per input");
        this.values = new StringArrayParam(this, "values",
                "the value that replaces a missing one, per input (a number as text for numeric inputs)");
    }

    public static MLReader<FillMissing> read() {
        return new DefaultParamsReader<>();
    }

    public static FillMissing load(String path) {
        return read().load(path);
    }

    public StringArrayParam values() {
        return values;
    }

    /** @param replacements a {@link Double} per numeric input, a {@link String} per text input */
    public FillMissing setValues(List<?> replacements) {
        set(values, replacements.stream().map(String::valueOf).toArray(String[]::new));
        return this;
    }

    public List<String> getValues() {
        return Arrays.asList($(values));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        if (inputs.size() != getOutputCols().size() || inputs.size() != getValues().size()) {
            throw new IllegalArgumentException("FillMissing: " + inputs.size() + " input columns, "
                    + getOutputCols().size() + " output columns and " + getValues().size() + " values");
        }
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            StructField input = schema.apply(inputs.get(i));
            boolean text = input.dataType() instanceof StringType;
            if (!text && !(input.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("FillMissing: column '" + inputs.get(i) + "' is "
                        + input.dataType().simpleString() + ", not a number or text");
            }
            StructField filled = new StructField(getOutputCols().get(i),
                    text ? DataTypes.StringType : DataTypes.DoubleType, false, Metadata.empty());
            // Filling in place (an output named as its input) replaces the column where it stands.
            int at = Arrays.asList(result.fieldNames()).indexOf(filled.name());
            if (at >= 0) {
                StructField[] fields = result.fields().clone();
                fields[at] = filled;
                result = new StructType(fields);
            } else {
                result = result.add(filled);
            }
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> filled = new LinkedHashMap<>();
        List<String> replacements = getValues();
        for (int i = 0; i < replacements.size(); i++) {
            String input = getInputCols().get(i);
            Column value;
            if (dataset.schema().apply(input).dataType() instanceof StringType) {
                value = dataset.col(input);
                filled.put(getOutputCols().get(i), when(value.isNull(), lit(replacements.get(i))).otherwise(value));
            } else {
                value = dataset.col(input).cast(DataTypes.DoubleType);
                filled.put(getOutputCols().get(i), when(value.isNull().or(isnan(value)),
                        lit(Double.parseDouble(replacements.get(i)))).otherwise(value));
            }
        }
        return dataset.withColumns(filled);
    }
}
