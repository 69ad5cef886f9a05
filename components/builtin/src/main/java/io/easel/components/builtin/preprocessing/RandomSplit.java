package io.easel.components.builtin.preprocessing;

import io.easel.component.Category;
import io.easel.component.Example;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Splits rows at random into two tables, e.g. for training and testing. Reproducible for the same seed and input.
 * Each row goes to 'train' with probability {@code fraction} (Spark's {@code randomSplit} draws one uniform number
 * per row), so the train size is exact in expectation: fraction × rows, give or take the binomial spread. The
 * sizes that came out are reported (one count per output). Row-level: both outputs keep the input's lineage.
 */
public final class RandomSplit implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<Double> FRACTION = Param.decimal("fraction", Text.of("Fraction for the first output",
                    "第一个输出的比例"))
            .description(Text.of("Share of rows that go to 'train'; the rest go to 'test'.",
                    "进入“训练集”输出的行比例，其余行进入“测试集”。"))
            .defaultValue(0.8)
            .range(0, true, 1, true)
            .required();

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("The same seed gives the same split of the same data.",
                    "相同的种子对相同的数据给出相同的划分。"))
            .defaultValue(42);

    public static final Port TRAIN = Port.output("train", PortType.TABLE, Text.of("Train", "训练集"),
            SchemaRule.sameAs(IN.name()));
    public static final Port TEST = Port.output("test", PortType.TABLE, Text.of("Test", "测试集"),
            SchemaRule.sameAs(IN.name()));

    public static final ReportSpec SIZES_SPEC = ReportSpec.builder("split-sizes")
            .headline("trainRows", "Rows in train", "训练集行数")
            .headline("testRows", "Rows in test", "测试集行数")
            .metric("trainShare", "Share of rows in train", "训练集行占比")
            .build();

    public static final Port SIZES = Port.output("sizes", PortType.REPORT, Text.of("Sizes", "拆分规模"),
            SchemaRule.fixed(SIZES_SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("random-split")
            .category(Category.PREPROCESSING)
            .title("Random split", "随机拆分")
            .description("Splits the rows at random into two tables by a fraction, e.g. 80% for training and 20% "
                            + "for testing.",
                    "按比例将数据行随机拆分为两张表，例如 80% 用于训练、20% 用于测试。")
            .keywords("split", "train", "test", "holdout", "partition", "拆分", "训练集", "测试集")
            .inputs(IN)
            .outputs(TRAIN, TEST, SIZES)
            .params(FRACTION, SEED)
            .examples(Example.of("Iris, 80% to train", "鸢尾花，80% 用于训练", Map.of("fraction", 0.8))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        double fraction = ctx.param(FRACTION);
        Dataset<Row>[] parts = in.rows().randomSplit(new double[] {fraction, 1 - fraction}, ctx.param(SEED));
        ctx.output(TRAIN, in.withRows(parts[0]));
        ctx.output(TEST, in.withRows(parts[1]));
        long trainRows = parts[0].count();
        long testRows = parts[1].count();
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("trainRows", trainRows);
        sizes.put("testRows", testRows);
        sizes.put("trainShare", trainRows + testRows == 0 ? 0.0 : (double) trainRows / (trainRows + testRows));
        ctx.output(SIZES, new ReportData(SIZES_SPEC.kind(), sizes, Map.of()));
    }
}
