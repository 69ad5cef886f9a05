package io.easel.components.transform;

import static org.apache.spark.ml.functions.array_to_vector;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Polynomial expansion of numeric columns into one vector: every product of up to {@code degree} of them (each
 * column, each square and pairwise product for degree 2, …), by degree, then in column order; slots are named
 * {@code a*b}. A missing input makes the slots using it NaN (missing in PMML). Spark's PolynomialExpansion works on a
 * vector and JPMML-SparkML does not convert it; this has {@code io.easel.components.pmml.MonomialsConverter}.
 */
public final class Monomials extends ColumnwiseTransformer<Monomials> {

    private final IntParam degree;
    private final Param<String> outputCol;

    public Monomials() {
        this(Identifiable.randomUID("easelMonomials"));
    }

    public Monomials(String uid) {
        super(uid, "numeric columns to multiply", "unused: the products go into outputCol");
        this.degree = new IntParam(this, "degree", "the highest number of factors in a product");
        this.outputCol = new Param<>(this, "outputCol", "the vector column of products");
        setDefault(outputCols(), new String[0]);
    }

    public static MLReader<Monomials> read() {
        return new DefaultParamsReader<>();
    }

    public static Monomials load(String path) {
        return read().load(path);
    }

    public IntParam degree() {
        return degree;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Monomials setDegree(int value) {
        set(degree, value);
        return this;
    }

    public Monomials setOutputCol(String column) {
        set(outputCol, column);
        return this;
    }

    public String getOutputCol() {
        return $(outputCol);
    }

    /** Each product as the positions of its factors among the inputs, ascending: by degree, then in column order. */
    public List<int[]> products() {
        List<int[]> all = new ArrayList<>();
        int inputs = getInputCols().size();
        for (int d = 1; d <= (Integer) $(degree); d++) {
            addProducts(all, new int[d], 0, 0, inputs);
        }
        return all;
    }

    private static void addProducts(List<int[]> all, int[] factors, int at, int from, int inputs) {
        if (at == factors.length) {
            all.add(factors.clone());
            return;
        }
        for (int i = from; i < inputs; i++) {
            factors[at] = i;
            addProducts(all, factors, at + 1, i, inputs);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return schema.add(slots().toStructField());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        List<Column> x = getInputCols().stream().map(c -> dataset.col(c).cast(DataTypes.DoubleType))
                .map(c -> when(c.isNull(), lit(Double.NaN)).otherwise(c)).toList();
        Column[] slots = products().stream().map(factors -> Arrays.stream(factors).mapToObj(x::get)
                .reduce(Column::multiply).orElseThrow()).toArray(Column[]::new);
        return dataset.withColumn(getOutputCol(), array_to_vector(functions.array(slots))
                .as(getOutputCol(), slots().toMetadata()));
    }

    private AttributeGroup slots() {
        NumericAttribute[] names = products().stream().map(factors -> NumericAttribute.defaultAttr().withName(
                String.join("*", Arrays.stream(factors).mapToObj(getInputCols()::get).toList())))
                .toArray(NumericAttribute[]::new);
        return new AttributeGroup(getOutputCol(), names);
    }
}
