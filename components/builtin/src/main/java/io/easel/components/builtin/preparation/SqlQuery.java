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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a Spark SQL query over its inputs, named t1 and t2. The result's columns are known only after the run, and
 * the query has no PMML form: the output starts a new lineage.
 */
public final class SqlQuery implements SparkComponent {

    public static final Port T1 = Port.input("t1", PortType.TABLE, Text.of("Table t1", "表 t1"));
    public static final Port T2 = Port.input("t2", PortType.TABLE, Text.of("Table t2", "表 t2")).asOptional();

    public static final Param<String> QUERY = Param.string("query", Text.of("SQL query", "SQL 查询"))
            .description(Text.of("A Spark SQL SELECT over the inputs as tables t1 and t2, e.g. "
                            + "'SELECT purpose, AVG(credit_amount) AS mean_amount FROM t1 GROUP BY purpose'.",
                    "基于输入表 t1 和 t2 的 Spark SQL SELECT 语句，例如 "
                            + "“SELECT purpose, AVG(credit_amount) AS mean_amount FROM t1 GROUP BY purpose”。"))
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Result", "结果"),
            SchemaRule.unknownTable());

    /** Temporary views are per session: naming them and resolving the query must not interleave between nodes. */
    private static final Object VIEWS = new Object();

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("sql-query")
            .category(Category.PREPROCESSING)
            .title("SQL query", "SQL 查询")
            .description("Runs a Spark SQL query over the inputs, named t1 and t2. Models trained on its result take "
                            + "the records as the query returns them.",
                    "对输入（表名 t1、t2）执行 Spark SQL 查询。基于其结果训练的模型以查询结果的记录作为输入。")
            .keywords("sql", "query", "select", "spark sql", "join", "aggregate", "查询", "SQL")
            .inputs(T1, T2)
            .outputs(OUT)
            .params(QUERY)
            .examples(Example.of("Mean credit amount per purpose", "按用途统计平均贷款金额",
                            Map.of("query", "SELECT purpose, COUNT(*) AS loans, AVG(credit_amount) AS mean_amount "
                                    + "FROM t1 GROUP BY purpose"))
                    .input(T1, ExampleData.dataset("credit_g")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String query = ctx.param(QUERY);
        SparkSession spark = ctx.spark();
        SqlText.checkQuery(spark, QUERY, query);
        Map<String, TableData> tables = new LinkedHashMap<>();
        tables.put(T1.name(), ctx.table(T1));
        TableData t2 = ctx.table(T2);
        if (t2 != null) {
            tables.put(T2.name(), t2);
        }
        Dataset<Row> result;
        synchronized (VIEWS) {
            tables.forEach((name, table) -> table.rows().createOrReplaceTempView(name));
            try {
                // Analysis resolves the views into the plan, which no longer needs them once this returns.
                result = SqlText.analysed(QUERY, query, () -> spark.sql(query));
            } finally {
                tables.keySet().forEach(name -> spark.catalog().dropTempView(name));
            }
        }
        List<TableData> inputs = new ArrayList<>(tables.values());
        ctx.output(OUT, NewLineage.of(this, ctx, result, inputs.toArray(TableData[]::new)));
    }
}
