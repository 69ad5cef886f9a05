package io.easel.plugin.example;

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
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.plugin.example.transform.FittedZScore;
import java.util.List;
import java.util.Map;

/**
 * How many standard deviations each value of the chosen numeric columns lies from its column's mean, per row, as a
 * new column {@code <column>_zscore}: the mean and sample standard deviation are learned on the input table. The
 * fitted step goes into the table's lineage, so a model trained downstream and exported to PMML scores raw records
 * with the same means and deviations.
 */
public final class ZScore implements SparkComponent {

    /** What each score column is named after: {@code age} gets {@code age_zscore}. */
    static final String SUFFIX = "_zscore";

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("The numeric columns to score; each gets a column <name>" + SUFFIX + " beside it.",
                    "要计算标准分的数值列；每列旁新增一列 <列名>" + SUFFIX + "。"))
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with z-scores", "含标准分的数据"),
            SchemaRule.sameAs(IN.name()).then(new ColumnOp.AddEach(ColumnOp.Cols.param(COLUMNS),
                    "{column}" + SUFFIX, ColumnOp.Type.of(DataType.DOUBLE))));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("z-score")
            .category(Category.FEATURE_ENGINEERING)
            .title("Z-score", "标准分（Z-score）")
            .description("Adds, for each chosen numeric column, how many standard deviations each row's value lies "
                            + "from the column's mean (mean and sample standard deviation learned on this table). "
                            + "A column without spread scores 0; missing values stay missing. Models trained on the "
                            + "scores repeat the scoring on raw records when exported.",
                    "为每个所选数值列新增一列，表示每行的值距该列均值多少个标准差（均值与样本标准差由本表学得）。"
                            + "没有波动的列得分为 0；缺失值保持缺失。基于标准分训练的模型导出后会对原始记录做同样的计算。")
            .keywords("z-score", "standard score", "standardize", "outlier", "deviation", "标准分", "标准化",
                    "异常值", "标准差")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS)
            .examples(Example.of("credit_g's duration, amount and age as z-scores",
                            "credit_g 的期限、金额与年龄的标准分",
                            Map.of("columns", List.of("duration", "credit_amount", "age")))
                    .input(IN, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        List<String> columns = ctx.param(COLUMNS);
        List<String> scores = columns.stream().map(c -> c + SUFFIX).toList();
        ctx.output(OUT, in.transform(FittedZScore.learn(in.rows(), columns, scores)));
    }
}
