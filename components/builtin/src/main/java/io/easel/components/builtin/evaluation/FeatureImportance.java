package io.easel.components.builtin.evaluation;

import static org.apache.spark.sql.functions.col;

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
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * How much each feature slot counts in a model, most important first: for tree models (decision tree, random forest,
 * GBT) Spark's normalised impurity gain, for linear models (logistic regression, linear SVM, linear, generalized
 * linear and survival regression) the size of the coefficient, with the signed coefficient beside it; see
 * {@link FeatureWeights}. One row per slot of the model's feature vector, so a one-hot text feature gives one row per
 * category ({@code purpose=radio/tv}). The order is part of the result and survives storage
 * ({@link TableData#inOrder}).
 */
public final class FeatureImportance implements SparkComponent {

    static final String ID = "feature-importance";
    static final String FEATURE = "feature";
    static final String IMPORTANCE = "importance";
    static final String COEFFICIENT = "coefficient";

    public static final Port MODEL = Port.input("model", PortType.MODEL, Text.of("Model", "模型"));

    static final TableSpec SPEC = TableSpec.of(ColumnSpec.of(FEATURE, DataType.STRING),
            ColumnSpec.of(IMPORTANCE, DataType.DOUBLE), ColumnSpec.of(COEFFICIENT, DataType.DOUBLE));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Importances", "特征重要性"),
            SchemaRule.fixed(SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.EVALUATION)
            .title("Feature importance", "特征重要性")
            .description("Lists how much each feature counts in a model, most important first, one row per feature "
                            + "(per category for one-hot encoded text). Tree models (decision tree, random forest, "
                            + "GBDT) give their share of the splits' gain, adding up to 1. Linear models (logistic "
                            + "regression, linear SVM, linear and generalized linear regression) give the size of "
                            + "the coefficient (for several classes the mean size over the classes), and the signed "
                            + "coefficient in its own column: it is per unit of the feature, so compare features on "
                            + "similar scales.",
                    "列出每个特征在模型中的重要程度，按重要性从高到低排列，每个特征一行（独热编码的文本特征每个类别一行）。"
                            + "树模型（决策树、随机森林、GBDT）给出各特征在分裂增益中所占的份额，总和为 1。线性模型（逻辑回归、"
                            + "线性支持向量机、线性回归和广义线性回归）给出系数的绝对值（多个类别时为各类别的平均绝对值），并在单独"
                            + "一列给出带符号的系数：系数按特征的单位计算，请在量纲相近的特征之间比较。")
            .keywords("importance", "feature", "explain", "coefficients", "weights", "gbdt", "trees", "linear",
                    "重要性", "特征", "解释", "系数", "权重")
            .inputs(MODEL)
            .outputs(OUT)
            .examples(
                    new Example(Text.of("What drives a GBDT's credit decisions", "GBDT 信用模型的特征重要性"), Map.of(),
                            Map.of(MODEL.name(), ExampleData.model("gbdt-classifier", Map.of("labelColumn", "class"),
                                    ExampleData.dataset("credit_g")))),
                    new Example(Text.of("Coefficients of a logistic regression on credit_g",
                            "逻辑回归信用模型的系数"), Map.of(),
                            Map.of(MODEL.name(), ExampleData.model("logistic-regression",
                                    Map.of("labelColumn", "class"), ExampleData.dataset("credit_g")))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ModelData model = ctx.model(MODEL);
        FeatureWeights weights = FeatureWeights.of(model.pipeline().stages()).orElseThrow(() ->
                new IllegalArgumentException(ID + ": a model trained by '" + model.spec().algorithm()
                        + "' has neither feature importances nor coefficients: it does not weigh each feature with "
                        + "one number (naive Bayes, neural networks, factorization machines and isotonic regression "
                        + "do not); to see which features matter, train a tree model (decision tree, random forest, "
                        + "GBDT) or a linear model (logistic regression, linear SVM, linear regression) on the same "
                        + "columns and connect it here"));
        List<String> slots = model.slots().isEmpty()
                ? model.spec().features().stream().map(ColumnSpec::name).toList()
                : model.slots();
        if (weights.size() != slots.size()) {
            throw new IllegalStateException(ID + ": the model has " + weights.size() + " feature slots for "
                    + slots.size() + " named features; cannot name them");
        }
        List<Row> rows = new ArrayList<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            rows.add(RowFactory.create(slots.get(slot), weights.importances()[slot], weights.coefficient(slot)));
        }
        TableData table = TableData.source(ctx.spark().createDataFrame(rows, SparkTypes.toSchema(SPEC)));
        ctx.output(OUT, table.inOrder(col(IMPORTANCE).desc(), col(FEATURE).asc()));
    }
}
