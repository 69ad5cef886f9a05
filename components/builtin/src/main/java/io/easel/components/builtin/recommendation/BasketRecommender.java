package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.col;

import io.easel.components.spi.ModelData;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.fpm.FPGrowthModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Applies association rules to baskets: for each row, the items that the rules whose antecedent its basket holds
 * lead to and that the basket lacks (Spark's {@code FPGrowthModel.transform}), written as sorted text. Each row of
 * a long table gets the recommendations of its whole transaction. It holds a fitted model rather than params, so it
 * is not written to disk; FP-growth models are not exported.
 */
final class BasketRecommender extends Transformer {

    private static final String BASKET = ModelData.INTERNAL_PREFIX + "basket";
    private static final String RECOMMENDED = ModelData.INTERNAL_PREFIX + "recommended";

    private final String uid = Identifiable.randomUID("easelBasketRecommender");
    private final FPGrowthModel rules;
    private final Baskets baskets;
    private final String separator;
    private final String outputColumn;

    /**
     * @param rules the fitted model, whose association rules are applied
     * @param separator how the recommended items are separated in the output
     */
    BasketRecommender(FPGrowthModel rules, Baskets baskets, String separator, String outputColumn) {
        this.rules = rules.copy(ParamMap.empty()).setItemsCol(BASKET).setPredictionCol(RECOMMENDED);
        this.baskets = baskets;
        this.separator = separator;
        this.outputColumn = outputColumn;
    }

    /** The fitted model whose rules are applied. */
    FPGrowthModel rules() {
        return rules;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        for (String column : baskets.columns()) {
            schema.apply(column); // names the missing column
        }
        return schema.add(outputColumn, DataTypes.StringType, true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> withBaskets = dataset.toDF().withColumn(BASKET, baskets.perRow());
        return rules.transform(withBaskets)
                .withColumn(outputColumn, ItemLists.sortedText(col(RECOMMENDED), separator))
                .drop(BASKET, RECOMMENDED);
    }

    @Override
    public BasketRecommender copy(ParamMap extra) {
        return this; // nothing to copy: it has no params and never changes
    }
}
