package io.easel.components.builtin.preparation;

import static org.apache.spark.sql.functions.rand;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Samples rows at random: a fraction (each row kept with that probability; with replacement, a row may come several
 * times) or a number of rows (exactly n without replacement). Row-level: the lineage carries over.
 */
public final class SampleRows implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> SIZE_BY = Param.choice("sizeBy", Text.of("Sample size by", "样本大小方式"),
                    Param.option("fraction", Text.of("Fraction of rows", "行比例")),
                    Param.option("rows", Text.of("Number of rows", "行数")))
            .defaultValue("fraction")
            .required();

    public static final Param<Double> FRACTION = Param.decimal("fraction", Text.of("Fraction", "比例"))
            .description(Text.of("Expected share of rows in the sample; with replacement it may exceed 1.",
                    "样本中行数的期望比例；有放回抽样时可以大于 1。"))
            .defaultValue(0.1)
            .range(0, true, 100, false)
            .visibleWhen(SIZE_BY, "fraction");

    public static final Param<Integer> ROWS = Param.integer("rows", Text.of("Rows", "行数"))
            .description(Text.of("How many rows to sample: exactly this many without replacement (or all rows if "
                            + "fewer), about this many with replacement.",
                    "抽取的行数：无放回时恰好为该数（行数不足时为全部行），有放回时约为该数。"))
            .defaultValue(100)
            .range(1, Integer.MAX_VALUE)
            .visibleWhen(SIZE_BY, "rows");

    public static final Param<Boolean> WITH_REPLACEMENT = Param.bool("withReplacement",
                    Text.of("With replacement", "有放回"))
            .description(Text.of("A row may be drawn more than once (bootstrap).", "同一行可以被抽中多次（自助法）。"))
            .defaultValue(false);

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("The same seed gives the same sample of the same data.",
                    "相同的种子对相同的数据给出相同的样本。"))
            .defaultValue(42);

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Sample", "样本"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("sample-rows")
            .category(Category.PREPROCESSING)
            .title("Random sample", "随机抽样")
            .description("Draws a random sample of the rows, by fraction or number of rows, with or without "
                            + "replacement.",
                    "按比例或行数随机抽取数据行，可有放回或无放回。")
            .keywords("sample", "subsample", "bootstrap", "random", "rows", "抽样", "采样", "随机", "自助法")
            .inputs(IN)
            .outputs(OUT)
            .params(SIZE_BY, FRACTION, ROWS, WITH_REPLACEMENT, SEED)
            .examples(Example.of("50 credit_g rows", "抽取 credit_g 的 50 行", Map.of("sizeBy", "rows", "rows", 50))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        boolean replacement = ctx.param(WITH_REPLACEMENT);
        long seed = ctx.param(SEED);
        if ("fraction".equals(ctx.param(SIZE_BY))) {
            double fraction = ctx.param(FRACTION);
            if (!replacement && fraction > 1) {
                throw new IllegalArgumentException("Param 'fraction': " + fraction
                        + " is more than all rows; without replacement it must be at most 1");
            }
            ctx.output(OUT, in.withRows(in.rows().sample(replacement, fraction, seed)));
            return;
        }
        int rows = ctx.param(ROWS);
        Dataset<Row> sample;
        if (replacement) {
            long total = in.rows().count();
            sample = total == 0 ? in.rows() : in.rows().sample(true, (double) rows / total, seed);
        } else {
            // Exactly n: shuffle by a seeded random number and keep the first n.
            sample = in.rows().orderBy(rand(seed)).limit(rows);
        }
        ctx.output(OUT, in.withRows(sample));
    }
}
