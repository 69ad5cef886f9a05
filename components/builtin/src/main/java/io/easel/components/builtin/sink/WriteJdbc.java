package io.easel.components.builtin.sink;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.Text;
import io.easel.components.builtin.source.JdbcSource;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a table into a database table through a named connection with Spark's JDBC sink, each partition in its own
 * transaction batches of {@code batchSize} rows. A new table is created with column types that fit Easel's; "replace"
 * empties an existing table and keeps its definition (and grants), "append" adds rows.
 */
public final class WriteJdbc implements SparkComponent {

    public static final Port IN = Written.IN;
    public static final Port REPORT = Written.REPORT;

    public static final Param<String> CONNECTION = JdbcSource.connectionParam();

    public static final Param<String> TABLE = Param.string("table", Text.of("Table", "表名"))
            .description(Text.of("The table to write, e.g. scores or analytics.scores; created when missing.",
                    "要写入的表，例如 scores 或 analytics.scores；不存在时自动创建。"))
            .required();

    public static final Param<String> MODE = Param.choice("mode", Text.of("If the table exists", "表已存在时"),
                    Param.option("errorIfExists", Text.of("Fail the node", "节点报错")),
                    Param.option("append", Text.of("Add the rows", "追加行")),
                    Param.option("overwrite", Text.of("Replace its rows (keep the table)", "替换所有行（保留表定义）")))
            .description(Text.of("What to do when the table already exists.", "目标表已存在时的处理方式。"))
            .defaultValue("errorIfExists")
            .required();

    public static final Param<Integer> BATCH_SIZE = Param.integer("batchSize", Text.of("Batch size", "批量大小"))
            .description(Text.of("Rows sent to the database per round trip.", "每次与数据库往返写入的行数。"))
            .defaultValue(1000)
            .range(1, 1_000_000)
            .advanced();

    /** PostgreSQL's (and the SQL standard's) state for "relation does not exist". */
    private static final String UNDEFINED_TABLE = "42P01";

    private static final JdbcSource JDBC = new JdbcSource("write-jdbc");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(JDBC.componentId())
            .category(Category.DATA_SINKS)
            .title("Write database table (JDBC)", "写入数据库表（JDBC）")
            .description("Writes a table into a database table (PostgreSQL) through a connection the administrator "
                            + "configured: creating it, adding rows or replacing them, and reports the rows written.",
                    "通过管理员配置的连接，将数据表写入数据库表（PostgreSQL）：新建、追加或替换行，并报告写入的行数。")
            .keywords("jdbc", "database", "sql", "postgresql", "postgres", "table", "write", "export", "save",
                    "数据库", "写入", "导出", "保存", "表")
            .inputs(IN)
            .outputs(REPORT)
            .params(CONNECTION, TABLE, MODE, BATCH_SIZE)
            .examples(Example.of("Diabetes into a table of the connection named examples, replacing its rows",
                            "将糖尿病数据写入名为 examples 的连接中的表（替换已有行）",
                            Map.of("connection", "examples", "table", "diabetes_copy", "mode", "overwrite"))
                    .input(IN, ExampleData.dataset("diabetes")))
            .build();

    /** The rows the table holds; 0 when it does not exist yet. */
    private static long rowsIn(Map<String, String> options, String table) {
        try (Connection connection = DriverManager.getConnection(options.get("url"), options.get("user"),
                        options.get("password"));
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return 0;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        Written.refuseVectors(JDBC.componentId(), ctx.table(IN).rows(), "a database column cannot hold; drop them "
                + "(drop-columns) or write Parquet (write-parquet)");
        Map<String, String> options = JDBC.options(ctx, CONNECTION);
        String table = ctx.param(TABLE).strip();
        options.put("dbtable", table);
        options.put("batchsize", String.valueOf(ctx.param(BATCH_SIZE)));
        options.put("truncate", "true"); // overwrite empties the table instead of dropping it
        SaveMode mode = switch (ctx.param(MODE)) {
            case "append" -> SaveMode.Append;
            case "overwrite" -> SaveMode.Overwrite;
            default -> SaveMode.ErrorIfExists;
        };
        Map<String, String> target = options;
        ctx.output(REPORT, JDBC.using(ctx, CONNECTION, () -> {
            // Spark's JDBC sink writes through an RDD of its own, which no counter on the rows sees: the table is
            // counted instead, before (when appending) and after.
            long before = mode == SaveMode.Append ? rowsIn(target, table) : 0;
            ctx.table(IN).rows().write().format("jdbc").options(target).mode(mode).save();
            return Written.report(rowsIn(target, table) - before, "table", table);
        }));
    }
}
