package io.easel.components.builtin.preparation;

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
import org.apache.spark.sql.functions;

/** Keeps the rows for which a Spark SQL condition holds. Row-level: the lineage carries over. */
public final class FilterRows implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> CONDITION = Param.string("condition", Text.of("Condition", "条件"))
            .description(Text.of("A Spark SQL condition over the columns, e.g. \"age >= 30 AND purpose = 'radio/tv'\". "
                            + "Rows where it is true are kept; false or unknown (a missing value) drops the row.",
                    "基于列的 Spark SQL 条件，例如 \"age >= 30 AND purpose = 'radio/tv'\"。条件为真的行被保留；"
                            + "为假或未知（含缺失值）的行被删除。"))
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Matching rows", "满足条件的行"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("filter-rows")
            .category(Category.PREPROCESSING)
            .title("Filter rows", "过滤行")
            .description("Keeps the rows that satisfy a Spark SQL condition, such as age >= 30.",
                    "保留满足 Spark SQL 条件（如 age >= 30）的行。")
            .keywords("filter", "where", "rows", "condition", "subset", "query", "过滤", "筛选", "条件")
            .inputs(IN)
            .outputs(OUT)
            .params(CONDITION)
            .examples(Example.of("Iris flowers with long petals", "花瓣较长的鸢尾花",
                            Map.of("condition", "petal_length_cm > 4.5 AND species <> 'setosa'"))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String condition = ctx.param(CONDITION);
        SqlText.checkExpression(ctx.spark(), CONDITION, condition);
        ctx.output(OUT, in.withRows(SqlText.analysed(CONDITION, condition,
                () -> in.rows().filter(functions.expr(condition)))));
    }
}
