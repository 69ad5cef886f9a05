package io.easel.components.transform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Copies each input column under a new name (the old one stays, for the steps that still read it). In PMML
 * ({@code io.easel.components.pmml.RenameColumnsConverter}) the new name simply stands for the old column's field, so
 * no field is derived: a renamed label is still the raw label field, and nothing clashes with raw field names.
 */
public final class RenameColumns extends ColumnwiseTransformer<RenameColumns> {

    public RenameColumns() {
        this(Identifiable.randomUID("easelRenameColumns"));
    }

    public RenameColumns(String uid) {
        super(uid, "the columns to rename", "their new names, one per input");
    }

    public static MLReader<RenameColumns> read() {
        return new DefaultParamsReader<>();
    }

    public static RenameColumns load(String path) {
        return read().load(path);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        StructType result = schema;
        for (int i = 0; i < getInputCols().size(); i++) {
            result = result.add(schema.apply(getInputCols().get(i)).copy(getOutputCols().get(i),
                    schema.apply(getInputCols().get(i)).dataType(), true,
                    schema.apply(getInputCols().get(i)).metadata()));
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> copies = new LinkedHashMap<>();
        List<String> inputs = getInputCols();
        for (int i = 0; i < inputs.size(); i++) {
            copies.put(getOutputCols().get(i), dataset.col("`" + inputs.get(i).replace("`", "``") + "`"));
        }
        return dataset.withColumns(copies);
    }

    @Override
    public String toString() {
        return "RenameColumns" + Arrays.toString(getInputCols().toArray()) + "->"
                + Arrays.toString(getOutputCols().toArray());
    }
}
