package io.easel.components.transform;

import static org.apache.spark.ml.functions.array_to_vector;
import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * A vector projected onto fixed directions (the fitted form of PCA): output slot k is {@code sum_i w_ki * x_i}. A NaN
 * slot (a missing number, assembled) makes every output slot NaN; Spark's PCAModel does the same, but JPMML-SparkML's
 * PMML for it scores such a row as if the slot were 0, so PCA is applied through this step and its converter
 * ({@code io.easel.components.pmml.VectorProjectionConverter}), which make a missing input give a missing output.
 */
public final class VectorProjection extends VectorTransformer<VectorProjection> {

    private final DoubleArrayArrayParam weights;

    public VectorProjection() {
        this(Identifiable.randomUID("easelVectorProjection"));
    }

    public VectorProjection(String uid) {
        super(uid, "the vector column to project", "the projected vector column");
        this.weights = new DoubleArrayArrayParam(this, "weights", "one row of weights per output slot");
    }

    public static MLReader<VectorProjection> read() {
        return new DefaultParamsReader<>();
    }

    public static VectorProjection load(String path) {
        return read().load(path);
    }

    public DoubleArrayArrayParam weights() {
        return weights;
    }

    public VectorProjection setWeights(double[][] rows) {
        set(weights, rows);
        return this;
    }

    public double[][] getWeights() {
        return $(weights);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!schema.apply(getInputCol()).dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("VectorProjection: column '" + getInputCol() + "' is not a vector");
        }
        return schema.add(getOutputCol(), SQLDataTypes.VectorType(), true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Column x = vector_to_array(dataset.col(getInputCol()), "float64");
        double[][] rows = getWeights();
        Column[] slots = new Column[rows.length];
        for (int k = 0; k < rows.length; k++) {
            Column sum = lit(0.0);
            for (int i = 0; i < rows[k].length; i++) {
                sum = i == 0 ? x.getItem(0).multiply(rows[k][0]) : sum.plus(x.getItem(i).multiply(rows[k][i]));
            }
            slots[k] = sum;
        }
        return dataset.withColumn(getOutputCol(), array_to_vector(functions.array(slots)));
    }
}
