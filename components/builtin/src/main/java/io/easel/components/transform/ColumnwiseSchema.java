package io.easel.components.transform;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks shared by the numeric column-wise transformers (scaling, math, bins). */
final class ColumnwiseSchema {

    private ColumnwiseSchema() {}

    /**
     * Checks that every input exists and is numeric, and that there are as many outputs and per-column values
     * ({@code counts}) as inputs.
     */
    static void check(ColumnwiseTransformer<?> transformer, StructType schema, int... counts) {
        List<String> inputs = transformer.getInputCols();
        String name = transformer.getClass().getSimpleName();
        if (transformer.getOutputCols().size() != inputs.size()
                || Arrays.stream(counts).anyMatch(c -> c != inputs.size())) {
            throw new IllegalArgumentException(name + ": " + inputs.size() + " input columns but "
                    + transformer.getOutputCols().size() + " output columns and " + Arrays.toString(counts)
                    + " values");
        }
        List<String> names = Arrays.asList(schema.fieldNames());
        for (String input : inputs) {
            if (!names.contains(input)) {
                throw new IllegalArgumentException(name + ": column '" + input + "' does not exist (there are "
                        + names + ")");
            }
            if (!(schema.apply(input).dataType() instanceof NumericType)) {
                throw new IllegalArgumentException(name + ": column '" + input + "' is "
                        + schema.apply(input).dataType().simpleString() + ", not a number");
            }
        }
    }

    /** The schema with a nullable double column per output: replaced in place or appended. */
    static StructType withDoubleOutputs(StructType schema, List<String> outputs) {
        StructType result = schema;
        for (String output : outputs) {
            StructField field = new StructField(output, DataTypes.DoubleType, true,
                    org.apache.spark.sql.types.Metadata.empty());
            int at = Arrays.asList(result.fieldNames()).indexOf(output);
            if (at >= 0) {
                StructField[] fields = result.fields().clone();
                fields[at] = field;
                result = new StructType(fields);
            } else {
                result = result.add(field);
            }
        }
        return result;
    }
}
