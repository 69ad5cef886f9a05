package io.easel.components.transform;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsWritable;

/**
 * Base of the transformers that compute one output column from each of their input columns (filling, converting,
 * scoring), with the Spark params they share: {@code inputCols} and {@code outputCols}. A subclass adds its own params
 * and {@code transform}, and keeps a public {@code (String uid)} constructor and static {@code read()}/{@code load}
 * for Spark's persistence. Public, for the transformers of plugin jars too; their PMML converters extend
 * {@code io.easel.components.pmml.ColumnConverter}.
 *
 * @param <T> the subclass, which the setters return
 */
public abstract class ColumnwiseTransformer<T extends ColumnwiseTransformer<T>> extends Transformer
        implements DefaultParamsWritable {

    private final String uid;
    private final StringArrayParam inputCols;
    private final StringArrayParam outputCols;

    /**
     * @param inputsDoc what the input columns are, for Spark's param docs
     * @param outputsDoc what goes into the output columns
     */
    protected ColumnwiseTransformer(String uid, String inputsDoc, String outputsDoc) {
        this.uid = uid;
        this.inputCols = new StringArrayParam(this, "inputCols", inputsDoc);
        this.outputCols = new StringArrayParam(this, "outputCols", outputsDoc);
    }

    @Override
    public String uid() {
        return uid;
    }

    public StringArrayParam inputCols() {
        return inputCols;
    }

    public StringArrayParam outputCols() {
        return outputCols;
    }

    public T setInputCols(List<String> columns) {
        set(inputCols, columns.toArray(String[]::new));
        return self();
    }

    public T setOutputCols(List<String> columns) {
        set(outputCols, columns.toArray(String[]::new));
        return self();
    }

    public List<String> getInputCols() {
        return Arrays.asList($(inputCols));
    }

    /** One per input column, in the same order. */
    public List<String> getOutputCols() {
        return Arrays.asList($(outputCols));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T copy(ParamMap extra) {
        return (T) defaultCopy(extra);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
