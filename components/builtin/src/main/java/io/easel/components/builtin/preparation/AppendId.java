package io.easel.components.builtin.preparation;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Appends an id per row: unique increasing numbers (fast, with gaps), or the row number 1, 2, 3 … in a stated order
 * (numbered partition by partition after a distributed sort, never on one machine). An id is not a function of one
 * record, so the output starts a new lineage.
 */
public final class AppendId implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> KIND = Param.choice("kind", Text.of("Id", "编号方式"),
                    Param.option("unique", Text.of("Unique increasing number (with gaps)", "唯一递增编号（不连续）")),
                    Param.option("rowNumber", Text.of("Row number 1, 2, 3 … in an order", "按顺序的行号 1, 2, 3 …")))
            .defaultValue("rowNumber")
            .required();

    public static final Param<List<String>> ORDER = Param.columns("orderBy", Text.of("Order by", "排序列"), IN)
            .description(Text.of("The order rows are numbered in; empty: the table's own order.",
                    "行号的编号顺序；留空则按表的现有顺序。"))
            .visibleWhen(KIND, "rowNumber");

    public static final Param<String> OUTPUT = Param.string("output", Text.of("New column", "新列名"))
            .description(Text.of("The name of the id column; it must be new.", "编号列的名称，不能与现有列重名。"))
            .defaultValue("id")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with ids", "带编号的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.LONG)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("append-id")
            .category(Category.PREPROCESSING)
            .title("Append id", "添加编号")
            .description("Appends an id column: a unique number per row, or the row number in a chosen order.",
                    "追加编号列：每行一个唯一编号，或按所选顺序的行号。")
            .keywords("id", "row number", "index", "key", "sequence", "identifier", "编号", "行号", "序号", "主键")
            .inputs(IN)
            .outputs(OUT)
            .params(KIND, ORDER, OUTPUT)
            .examples(Example.of("Number iris flowers by petal length", "按花瓣长度为鸢尾花编号",
                            Map.of("kind", "rowNumber", "orderBy", List.of("petal_length_cm"), "output", "id"))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String output = ctx.param(OUTPUT).strip();
        if (Arrays.asList(in.rows().columns()).contains(output)) {
            throw new IllegalArgumentException("Param 'output': the input already has a column '" + output
                    + "'; choose a new name");
        }
        Dataset<Row> rows;
        if ("unique".equals(ctx.param(KIND))) {
            rows = in.rows().withColumn(output, functions.monotonically_increasing_id());
        } else {
            rows = numbered(ordered(in, ctx.param(ORDER)), output);
        }
        ctx.output(OUT, NewLineage.of(this, ctx, rows, in));
    }

    private static Dataset<Row> ordered(TableData in, List<String> order) {
        if (order == null || order.isEmpty()) {
            return in.order().isEmpty() ? in.rows() : in.rows().orderBy(in.order().toArray(Column[]::new));
        }
        return in.rows().orderBy(order.stream().map(c -> functions.col(SelectColumns.quoted(c)).asc_nulls_last())
                .toArray(Column[]::new));
    }

    /** Rows numbered from 1 in their order, partition after partition (Spark's zipWithIndex). */
    private static Dataset<Row> numbered(Dataset<Row> rows, String output) {
        JavaRDD<Row> withIds = rows.toJavaRDD().zipWithIndex().map(pair -> {
            Object[] values = new Object[pair._1().size() + 1];
            for (int i = 0; i < pair._1().size(); i++) {
                values[i] = pair._1().get(i);
            }
            values[values.length - 1] = pair._2() + 1;
            return RowFactory.create(values);
        });
        return rows.sparkSession().createDataFrame(withIds, rows.schema().add(output, DataTypes.LongType, false));
    }
}
