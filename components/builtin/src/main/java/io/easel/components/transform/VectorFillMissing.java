package io.easel.components.transform;

import static org.apache.spark.ml.functions.array_to_vector;
import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Missing slots of a vector (NaN, as Spark's assembler makes of a missing number) replaced by fixed values, one per
 * slot; the slots keep their names. What {@link FillMissing} does for number columns, for vector features; exported
 * by {@code io.easel.components.pmml.VectorFillMissingConverter}.
 */
public final class VectorFillMissing extends VectorTransformer<VectorFillMissing> {

    private final DoubleArrayParam values;

    public VectorFillMissing() {
        this(Identifiable.randomUID("easelVectorFillMissing"));
    }

    public VectorFillMissing(String uid) {
        super(uid, "the vector column to fill", "the filled vector column");
        this.values = new DoubleArrayParam(this, "values", "the value of each missing slot");
    }

    public static MLReader<VectorFillMissing> read() {
        return new DefaultParamsReader<>();
    }

    public static VectorFillMissing load(String path) {
        return read().load(path);
    }

    public DoubleArrayParam values() {
        return values;
    }

    public VectorFillMissing setValues(double[] perSlot) {
        set(values, perSlot);
        return this;
    }

    public double[] getValues() {
        return $(values);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        StructField input = schema.apply(getInputCol());
        if (!input.dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("VectorFillMissing: column '" + getInputCol() + "' is not a vector");
        }
        return schema.add(getOutputCol(), SQLDataTypes.VectorType(), input.nullable(), input.metadata());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructField input = transformSchema(dataset.schema()).apply(getInputCol());
        Column fills = functions.array(Arrays.stream(getValues()).mapToObj(functions::lit).toArray(Column[]::new));
        Column filled = functions.transform(vector_to_array(dataset.col(getInputCol()), "float64"),
                (x, i) -> when(isnan(x), element_at(fills, i.plus(1))).otherwise(x));
        return dataset.withColumn(getOutputCol(), array_to_vector(filled).as(getOutputCol(), input.metadata()));
    }
}
