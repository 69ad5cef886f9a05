package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.builtin.preprocessing.RandomSplit;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;

/**
 * Splits rows into two tables so that every value of a column (typically the label) keeps its share in both. Exact
 * per value: round(fraction × count) of its rows go to the first output. Row-level: both keep the lineage.
 */
public final class StratifiedSplit implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> STRATUM = Param.column("column", Text.of("Stratify by", "分层列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.BOOLEAN)
            .description(Text.of("Each value of this column (usually the label) is split by the same fraction.",
                    "该列（通常是标签列）的每个取值都按相同比例拆分。"))
            .required();

    public static final Param<Double> FRACTION = RandomSplit.FRACTION;

    public static final Param<Integer> SEED = RandomSplit.SEED;

    public static final Port TRAIN = Port.output("train", PortType.TABLE, Text.of("Train", "训练集"),
            SchemaRule.sameAs(IN.name()));
    public static final Port TEST = Port.output("test", PortType.TABLE, Text.of("Test", "测试集"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("stratified-split")
            .category(Category.PREPROCESSING)
            .title("Stratified split", "分层拆分")
            .description("Splits the rows into two tables so that each class keeps the same share in both, e.g. 80% "
                            + "of every class for training.",
                    "将数据行拆分为两张表，使每个类别在两边的占比相同，例如每类 80% 用于训练。")
            .keywords("split", "stratified", "train", "test", "holdout", "balanced", "分层", "拆分", "训练集", "测试集")
            .inputs(IN)
            .outputs(TRAIN, TEST)
            .params(STRATUM, FRACTION, SEED)
            .examples(Example.of("Iris, 70% of each species to train", "鸢尾花，每个品种 70% 用于训练",
                            Map.of("column", "species", "fraction", 0.7))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        Strata strata = new Strata(in.rows(), ctx.param(STRATUM), ctx.param(FRACTION), ctx.param(SEED));
        ctx.output(TRAIN, in.withRows(strata.picked()));
        ctx.output(TEST, in.withRows(strata.rest()));
    }
}
