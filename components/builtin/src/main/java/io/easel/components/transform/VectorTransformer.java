package io.easel.components.transform;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;

/**
 * Base of the transformers that compute one output column from one vector column (projecting, filling, taking the
 * largest slot), with the Spark params they share: {@code inputCol} and {@code outputCol}. A subclass adds its own
 * params and {@code transform}, and keeps a public {@code (String uid)} constructor and static {@code read()}/
 * {@code load} for Spark's persistence.
 *
 * @param <T> the subclass, which the setters return
 */
public abstract class VectorTransformer<T extends VectorTransformer<T>> extends Transformer
        implements DefaultParamsWritable {

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;

    /**
     * @param inputDoc what the input vector column is, for Spark's param docs
     * @param outputDoc what goes into the output column
     */
    protected VectorTransformer(String uid, String inputDoc, String outputDoc) {
        this.uid = uid;
        this.inputCol = new Param<>(this, "inputCol", inputDoc);
        this.outputCol = new Param<>(this, "outputCol", outputDoc);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    @SuppressWarnings("unchecked")
    public T setInputCol(String column) {
        set(inputCol, column);
        return (T) this;
    }

    @SuppressWarnings("unchecked")
    public T setOutputCol(String column) {
        set(outputCol, column);
        return (T) this;
    }

    public String getInputCol() {
        return $(inputCol);
    }

    public String getOutputCol() {
        return $(outputCol);
    }

    @Override
    public T copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
