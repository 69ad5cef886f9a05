package io.easel.components.learn;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.Text;
import io.easel.components.spi.ModelData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;

/** The columns every learner reads from its training table (features, row weights) and sets on its estimator. */
final class LearnerColumns {

    static final DataType[] NUMBER_TYPES = {DataType.INTEGER, DataType.LONG, DataType.DOUBLE};
    static final DataType[] FEATURE_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE,
        DataType.BOOLEAN, DataType.VECTOR};

    private LearnerColumns() {}

    /** The feature columns param; left empty it stands for every suitable column that no other param names. */
    static Param<List<String>> features(Port input, Text description) {
        return Param.columns("featureColumns", Text.of("Feature columns", "特征列"), input, FEATURE_TYPES)
                .description(description)
                .allWhenEmpty();
    }

    /** The optional weight column param, folded away. */
    static Param<String> weight(Port input) {
        return Param.column("weightColumn", Text.of("Weight column", "权重列"), input, NUMBER_TYPES)
                .description(Text.of("How much each row counts in training; leave blank to count every row once.",
                        "每行在训练中的权重；留空则每行权重相同。"))
                .advanced();
    }

    /**
     * Refuses features named like the model's outputs or the scaffold's internal columns, which applying the model
     * would overwrite.
     */
    static void refuseReservedNames(String componentId, List<ColumnSpec> features, List<String> outputNames) {
        for (ColumnSpec feature : features) {
            if (feature.name().startsWith(ModelData.INTERNAL_PREFIX) || outputNames.contains(feature.name())) {
                throw new IllegalArgumentException(componentId + ": feature column '" + feature.name() + "' has a "
                        + "name the model's outputs use; rename it, or leave it out of 'featureColumns'");
            }
        }
    }

    /**
     * The estimator with the columns the scaffold decides ({@code featuresCol}, {@code predictionCol} …) set on each
     * of those params it has.
     */
    static Estimator<?> withColumns(Estimator<?> estimator, Map<String, String> columns) {
        ParamMap set = new ParamMap();
        columns.forEach((param, column) -> {
            if (estimator.hasParam(param)) {
                set.put(estimator.getParam(param), column);
            }
        });
        return (Estimator<?>) estimator.copy(set);
    }
}
