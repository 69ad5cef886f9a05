package io.easel.components.transform;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The position (from 0) of the largest value of a vector column, as an integer column: the most likely topic of a
 * topic distribution. A vector whose values are all 0 or less (a document without a known word) has no largest
 * share and gives null; ties give the first position.
 */
public final class VectorArgMax extends VectorTransformer<VectorArgMax> {


    public VectorArgMax() {
        this(Identifiable.randomUID("easelVectorArgMax"));
    }

    public VectorArgMax(String uid) {
        super(uid, "the vector column", "the integer column with the position of its largest value");
    }

    public static MLReader<VectorArgMax> read() {
        return new DefaultParamsReader<>();
    }

    public static VectorArgMax load(String path) {
        return read().load(path);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!(schema.apply(getInputCol()).dataType() instanceof VectorUDT)) {
            throw new IllegalArgumentException("VectorArgMax: column '" + getInputCol() + "' is "
                    + schema.apply(getInputCol()).dataType().simpleString() + ", not a vector");
        }
        return schema.add(getOutputCol(), DataTypes.IntegerType, true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Column values = functions.vector_to_array(col(quoted(getInputCol())), "float64");
        Column largest = array_max(values);
        return dataset.withColumn(getOutputCol(), when(largest.gt(0),
                array_position(values, largest).minus(1).cast(DataTypes.IntegerType)));
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
