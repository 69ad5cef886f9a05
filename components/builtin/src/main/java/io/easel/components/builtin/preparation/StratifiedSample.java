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
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;

/** Samples the same share of rows from every value of a column, exactly per value. Row-level. */
public final class StratifiedSample implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> STRATUM = Param.column("column", Text.of("Stratify by", "分层列"), IN,
                    DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.BOOLEAN)
            .description(Text.of("Each value of this column keeps the same share of its rows.",
                    "该列的每个取值都保留相同比例的行。"))
            .required();

    public static final Param<Double> FRACTION = Param.decimal("fraction", Text.of("Fraction", "比例"))
            .description(Text.of("Share of each value's rows to keep: round(fraction × rows of that value).",
                    "每个取值保留的行比例：四舍五入(比例 × 该取值的行数)。"))
            .defaultValue(0.1)
            .range(0, true, 1, false)
            .required();

    public static final Param<Integer> SEED = SampleRows.SEED;

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Sample", "样本"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("stratified-sample")
            .category(Category.PREPROCESSING)
            .title("Stratified sample", "分层抽样")
            .description("Takes the same share of rows from every value of a column, so class proportions are kept.",
                    "从某列的每个取值中抽取相同比例的行，保持各类别的占比。")
            .keywords("sample", "stratified", "subsample", "proportion", "分层", "抽样", "采样")
            .inputs(IN)
            .outputs(OUT)
            .params(STRATUM, FRACTION, SEED)
            .examples(Example.of("A fifth of each credit class", "每个信用类别抽取五分之一",
                            Map.of("column", "class", "fraction", 0.2))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        ctx.output(OUT, in.withRows(new Strata(in.rows(), ctx.param(STRATUM), ctx.param(FRACTION), ctx.param(SEED))
                .picked()));
    }
}
