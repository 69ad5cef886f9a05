package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.builtin.preparation.NewLineage;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.ParsedRFormula;
import org.apache.spark.ml.feature.RFormulaModel;
import org.apache.spark.ml.feature.RFormulaParser;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's RFormula: an R model formula ({@code label ~ a + b + a:b}, {@code .} for every other column, {@code -} to
 * leave one out) turned into a feature vector (text terms one-hot encoded, {@code :} terms crossed) and a numeric
 * label (text labels indexed). JPMML-SparkML converts the fitted model exactly only when the label and the terms are
 * numbers, with no {@code a:b} term ({@link #exactInPmml}); otherwise the step starts a new lineage, and a model
 * trained on its output takes records as they come out of it, and says so.
 */
public final class RFormula implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> FORMULA = Param.string("formula", Text.of("Formula", "公式"))
            .description(Text.of("label ~ terms: columns joined by +, a:b for an interaction, . for every other "
                            + "column, - c to leave c out. E.g. class ~ duration + purpose + duration:purpose.",
                    "标签 ~ 各项：用 + 连接列，a:b 表示交互项，. 表示其余所有列，- c 表示去掉 c。例如 class ~ "
                            + "duration + purpose + duration:purpose。"))
            .required();

    public static final Param<String> FEATURES = Param.string("featuresCol", Text.of("Features column", "特征列名"))
            .defaultValue("features")
            .newColumnOf(IN)
            .required();

    public static final Param<String> LABEL = Param.string("labelCol", Text.of("Label column", "标签列名"))
            .defaultValue("label")
            .newColumnOf(IN)
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with features and label",
                    "含特征与标签的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(FEATURES), ColumnOp.Type.of(DataType.VECTOR))
                    .add(ColumnOp.Name.param(LABEL), ColumnOp.Type.of(DataType.DOUBLE)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("r-formula")
            .category(Category.FEATURE_ENGINEERING)
            .title("R formula", "R 公式")
            .description("Builds a feature vector and a numeric label from an R model formula such as "
                            + "class ~ duration + purpose + duration:purpose: text terms are one-hot encoded, a:b "
                            + "terms crossed, a text label indexed. With numeric columns only and no a:b term, exported models repeat "
                            + "it on raw records; otherwise a model trained on the result takes records as they come "
                            + "out of this step.",
                    "根据 R 模型公式（如 class ~ duration + purpose + duration:purpose）生成特征向量和数值标签：文本项"
                            + "独热编码，a:b 项交叉，文本标签编号。仅含数值列且无 a:b 项时，导出的模型对原始记录执行同样的处理；"
                            + "否则基于结果训练的模型以本步骤输出的记录为输入。")
            .keywords("r formula", "formula", "model matrix", "design matrix", "R 公式", "公式", "特征")
            .inputs(IN)
            .outputs(OUT)
            .params(FORMULA, FEATURES, LABEL)
            .examples(Example.of("diabetes' progression from body-mass index, blood pressure and sex",
                            "diabetes 的病情进展：体重指数、血压和性别",
                            Map.of("formula", "progression ~ bmi + bp + sex"))
                            .input(IN, ExampleData.dataset("diabetes")),
                    Example.of("iris' species from every measurement and the petals' interaction",
                            "iris 的品种：全部测量值及花瓣长宽的交互项",
                            Map.of("formula", "species ~ . + petal_length_cm:petal_width_cm"))
                            .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String formula = ctx.param(FORMULA);
        ParsedRFormula parsed;
        try {
            parsed = RFormulaParser.parse(formula);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Formula: '" + formula + "' is not an R formula (label ~ a + b, "
                    + "a:b for an interaction, . for every other column).");
        }
        if (!parsed.hasLabel()) {
            throw new IllegalArgumentException("Formula: '" + formula + "' has no label; put the label column "
                    + "before the ~.");
        }
        RFormulaModel model;
        try {
            model = new org.apache.spark.ml.feature.RFormula().setFormula(formula)
                    .setFeaturesCol(ctx.param(FEATURES)).setLabelCol(ctx.param(LABEL)).setHandleInvalid("keep")
                    .fit(in.rows());
        } catch (Exception e) { // Spark throws AnalysisException, undeclared, for an unknown column
            throw new IllegalArgumentException("Formula: " + e.getMessage());
        }
        ctx.output(OUT, exactInPmml(model, in) ? in.transform(model)
                : NewLineage.of(this, ctx, model.transform(in.rows()), in));
    }

    /**
     * Whether JPMML-SparkML's form of the fitted formula computes what Spark does: only when the label and every
     * term are numbers, none crossed. Its form of a text label does not convert ("data type string"), it leaves a
     * missing text missing where Spark's indexer (keep) gives it the extra index, and Spark's Interaction fails on a
     * missing number of an {@code a:b} term, so Spark scores no such record (shown by EncodersTest).
     */
    private static boolean exactInPmml(RFormulaModel model, TableData in) {
        StructType schema = in.rows().schema();
        List<String> columns = new ArrayList<>(List.of(model.resolvedFormula().label()));
        for (var term : CollectionConverters.asJava(model.resolvedFormula().terms())) {
            if (term.size() > 1) {
                return false;
            }
            columns.addAll(CollectionConverters.asJava(term));
        }
        return columns.stream().allMatch(c -> schema.apply(c).dataType() instanceof NumericType);
    }
}
