package io.easel.components.builtin.evaluation;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.DecisionTreeClassificationModel;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.RandomForestClassificationModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * How much each feature contributed to a tree model's splits (Spark's normalised impurity gain), one row per
 * feature, most important first.
 */
public final class FeatureImportance implements SparkComponent {

    public static final Port MODEL = Port.input("model", PortType.MODEL, Text.of("Model", "模型"));

    static final TableSpec SPEC = TableSpec.of(ColumnSpec.of("feature", DataType.STRING),
            ColumnSpec.of("importance", DataType.DOUBLE));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Importances", "特征重要性"),
            SchemaRule.fixed(SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("feature-importance")
            .category(Category.EVALUATION)
            .title("Feature importance", "特征重要性")
            .description("Lists how much each feature contributes to a tree model (such as GBDT), most important "
                            + "first; the importances add up to 1.",
                    "列出每个特征对树模型（如 GBDT）的贡献度，按重要性从高到低排列，所有重要性之和为 1。")
            .keywords("importance", "feature", "explain", "gbdt", "trees", "重要性", "特征", "解释")
            .inputs(MODEL)
            .outputs(OUT)
            .examples(new Example(Text.of("What drives a GBDT's credit decisions", "GBDT 信用模型的特征重要性"), Map.of(),
                    Map.of(MODEL.name(), ExampleData.model("gbdt-classifier", Map.of("labelColumn", "class"),
                            ExampleData.dataset("credit_g")))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ModelData model = ctx.model(MODEL);
        Vector importances = importancesOf(model).orElseThrow(() -> new IllegalArgumentException(
                "feature-importance: a model trained by '" + model.spec().algorithm()
                        + "' has no feature importances; connect a tree model such as gbdt-classifier"));
        List<String> slots = model.slots().isEmpty()
                ? model.spec().features().stream().map(ColumnSpec::name).toList()
                : model.slots();
        if (importances.size() != slots.size()) {
            throw new IllegalStateException("feature-importance: the model has " + importances.size()
                    + " feature slots for " + slots.size() + " named features; cannot name them");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            rows.add(RowFactory.create(slots.get(i), importances.apply(i)));
        }
        rows.sort(Comparator.<Row>comparingDouble(r -> r.getDouble(1)).reversed()
                .thenComparing(r -> r.getString(0)));
        // one partition, so that the order survives being written and read back
        ctx.output(OUT, TableData.source(ctx.spark().createDataFrame(rows, SparkTypes.toSchema(SPEC)).coalesce(1)));
    }

    private static Optional<Vector> importancesOf(ModelData model) {
        for (Transformer stage : model.pipeline().stages()) {
            Vector importances = switch (stage) {
                case GBTClassificationModel m -> m.featureImportances();
                case RandomForestClassificationModel m -> m.featureImportances();
                case DecisionTreeClassificationModel m -> m.featureImportances();
                case GBTRegressionModel m -> m.featureImportances();
                case RandomForestRegressionModel m -> m.featureImportances();
                case DecisionTreeRegressionModel m -> m.featureImportances();
                default -> null;
            };
            if (importances != null) {
                return Optional.of(importances);
            }
        }
        return Optional.empty();
    }
}
