package io.easel.components.builtin.recommendation;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The (user, item) pairs an ALS model was trained on, carried as the last stage of its pipeline so that
 * recommendations can leave out what a user has already rated. Applying it changes nothing. It holds the training
 * rows rather than params, so it is not written to disk; ALS models are not exported.
 */
final class RatedPairs extends Transformer {

    private final String uid = Identifiable.randomUID("easelRatedPairs");
    private final transient Dataset<Row> pairs;

    /** @param pairs the distinct pairs, in the user and item columns as the model was trained on them */
    RatedPairs(Dataset<Row> pairs) {
        this.pairs = pairs;
    }

    Dataset<Row> pairs() {
        return pairs;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return dataset.toDF();
    }

    @Override
    public RatedPairs copy(ParamMap extra) {
        return this; // nothing to copy: it has no params and never changes
    }
}
