package io.easel.components.builtin.recommendation;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import java.util.Arrays;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.recommendation.ALSModel;

/**
 * The pieces of a model trained by {@link AlsRecommender}, for components that use more of it than its predictions.
 *
 * @param user the user column as trained on
 * @param item the item column as trained on
 * @param users the users' ids to the indices the factors are kept by
 * @param items the items' ids to the indices the factors are kept by
 * @param factors the fitted factors, on the index columns
 * @param rated the pairs the model was trained on
 */
record AlsParts(ColumnSpec user, ColumnSpec item, StringIndexerModel users, StringIndexerModel items,
        ALSModel factors, RatedPairs rated) {

    /** @throws IllegalArgumentException when the model is not one of {@link AlsRecommender}'s */
    static AlsParts of(String componentId, ModelData model) {
        ALSModel factors = model.stage(ALSModel.class).orElseThrow(() -> new IllegalArgumentException(componentId
                + ": the model from '" + model.spec().algorithm() + "' is not a recommender; connect the model of "
                + "'" + AlsRecommender.ID + "'"));
        ColumnSpec user = model.spec().features().get(0);
        ColumnSpec item = model.spec().features().get(1);
        return new AlsParts(user, item, indexOf(model, user), indexOf(model, item), factors,
                model.stage(RatedPairs.class).orElseThrow());
    }

    /** The ids of the users, or of the items, in the order of their indices. */
    static String[] ids(StringIndexerModel index) {
        return index.labelsArray()[0];
    }

    private static StringIndexerModel indexOf(ModelData model, ColumnSpec ids) {
        return Arrays.stream(model.pipeline().stages())
                .filter(StringIndexerModel.class::isInstance)
                .map(StringIndexerModel.class::cast)
                .filter(index -> index.getInputCol().equals(ids.name()))
                .findFirst()
                .orElseThrow();
    }
}
