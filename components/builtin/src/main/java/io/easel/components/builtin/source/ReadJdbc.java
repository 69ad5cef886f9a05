package io.easel.components.builtin.source;

import static org.apache.spark.sql.functions.col;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.graph.DatabaseColumns;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A database table, or the rows of a SELECT query, read through a named connection with Spark's JDBC source: by
 * default in one task fetching {@code fetchSize} rows at a time; with a partition column, bounds and a number of
 * partitions, in that many parallel queries over ranges of the column (the bounds only set the ranges' width: rows
 * outside them are read too; Spark makes fewer ranges when the bounds are closer than one unit per range). Columns
 * take the nearest Easel type of their database type (smallint to integer, numeric and real to double …). The server
 * asks the database for them when it validates the experiment ({@link DatabaseColumns}), so they are known before
 * any run.
 */
public final class ReadJdbc implements SparkComponent {

    public static final Param<String> CONNECTION = JdbcSource.connectionParam();

    public static final Param<String> TABLE = Param.string(DatabaseColumns.TABLE_PARAM, Text.of("Table", "表名"))
            .description(Text.of("The table (or view) to read, e.g. sales or public.sales. Give a table or a query.",
                    "要读取的表（或视图），例如 sales 或 public.sales。表名和查询二选一。"));

    public static final Param<String> QUERY = Param.string(DatabaseColumns.QUERY_PARAM, Text.of("Query", "查询"))
            .description(Text.of("A SELECT query whose rows to read, run by the database. Give a table or a query.",
                    "由数据库执行的 SELECT 查询，读取其结果行。表名和查询二选一。"));

    public static final Param<Integer> FETCH_SIZE = Param.integer("fetchSize", Text.of("Fetch size", "每次读取行数"))
            .description(Text.of("Rows fetched from the database per round trip.", "每次与数据库往返读取的行数。"))
            .defaultValue(1000)
            .range(1, 1_000_000)
            .advanced();

    public static final Param<String> PARTITION_COLUMN = Param.string("partitionColumn",
                    Text.of("Partition column", "分区列"))
            .description(Text.of("A numeric, date or timestamp column to split the read into parallel range queries "
                            + "by; needs the bounds and the number of partitions. Blank: one query.",
                    "用于把读取拆分为并行区间查询的数值、日期或时间戳列；需同时设置上下界和分区数。留空则只执行一个查询。"))
            .advanced();

    public static final Param<String> LOWER_BOUND = Param.string("lowerBound", Text.of("Lower bound", "下界"))
            .description(Text.of("Where the first range of the partition column ends (a number or a date); rows "
                            + "below are read too.",
                    "分区列第一个区间的结束位置（数值或日期）；更小的行同样会被读取。"))
            .advanced();

    public static final Param<String> UPPER_BOUND = Param.string("upperBound", Text.of("Upper bound", "上界"))
            .description(Text.of("Where the last range of the partition column starts (a number or a date); rows "
                            + "above are read too.",
                    "分区列最后一个区间的起始位置（数值或日期）；更大的行同样会被读取。"))
            .advanced();

    public static final Param<Integer> PARTITIONS = Param.integer("partitions", Text.of("Partitions", "分区数"))
            .description(Text.of("How many range queries run in parallel, each on its own connection.",
                    "并行执行的区间查询数，每个查询使用一个数据库连接。"))
            .range(1, 1000)
            .advanced();

    /** Read by the engine, not here: whether later runs may reuse what this node read (docs/configuration.md). */
    public static final Param<Boolean> SNAPSHOT = Param.bool("snapshot", Text.of("Table does not change", "表内容不变"))
            .description(Text.of("The table (or query result) is a snapshot that never changes, so later runs may "
                            + "reuse what this node read instead of reading it again. Leave it off for a table that "
                            + "is updated: a database table has no modification time to compare.",
                    "该表（或查询结果）是不再变化的快照，之后的运行可直接复用本节点读到的数据而不必重新读取。表会被更新时请保持关闭："
                            + "数据库表没有可比较的修改时间。"))
            .defaultValue(false)
            .advanced();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            SchemaRule.unknownTable());

    private static final JdbcSource JDBC = new JdbcSource("read-jdbc");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(JDBC.componentId())
            .category(Category.DATA_SOURCES)
            .title("Read database (JDBC)", "读取数据库（JDBC）")
            .description("Reads a table or the rows of a SELECT query from a database (PostgreSQL) through a "
                            + "connection the administrator configured, optionally in parallel range queries.",
                    "通过管理员配置的连接，从数据库（PostgreSQL）读取一张表或 SELECT 查询的结果，可按区间并行读取。")
            .keywords("jdbc", "database", "sql", "postgresql", "postgres", "table", "query", "read", "import",
                    "数据库", "读取", "导入", "表", "查询")
            .outputs(OUT)
            .params(CONNECTION, TABLE, QUERY, FETCH_SIZE, PARTITION_COLUMN, LOWER_BOUND, UPPER_BOUND, PARTITIONS,
                    SNAPSHOT)
            .examples(Example.of("The iris table of the connection named examples", "名为 examples 的连接中的 iris 表",
                            Map.of("connection", "examples", "table", "iris")),
                    Example.of("A query, read in 3 parallel ranges of sepal length",
                            "一个查询，按花萼长度分 3 个区间并行读取",
                            Map.of("connection", "examples",
                                    "query", "SELECT species, sepal_length_cm FROM iris WHERE petal_width_cm > 1",
                                    "partitionColumn", "sepal_length_cm", "lowerBound", "5", "upperBound", "8",
                                    "partitions", 3)))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String table = blankToNull(ctx.param(TABLE));
        String query = blankToNull(ctx.param(QUERY));
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException(JDBC.componentId() + ": give either param '" + TABLE.name()
                    + "' or param '" + QUERY.name() + "', not " + (table == null ? "neither" : "both"));
        }
        Map<String, String> options = JDBC.options(ctx, CONNECTION);
        // A query is read as a derived table, so that it can be split into ranges like a table.
        options.put("dbtable", table != null ? table : "(" + query + ") easel_query");
        options.put("fetchsize", String.valueOf(ctx.param(FETCH_SIZE)));
        partitioning(ctx).forEach(options::put);
        Dataset<Row> rows = JDBC.using(ctx, CONNECTION, () -> ctx.spark().read().format("jdbc").options(options)
                .load());
        StructType easel;
        try {
            easel = SparkTypes.toNearestEasel(rows.schema());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(JDBC.componentId() + ": " + e.getMessage(), e);
        }
        Column[] converted = Arrays.stream(easel.fields())
                .map(f -> col("`" + f.name().replace("`", "``") + "`").cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new);
        ctx.output(OUT, TableData.source(rows.select(converted)));
    }

    /** The range options, all or none. */
    private static Map<String, String> partitioning(ExecutionContext ctx) {
        String column = blankToNull(ctx.param(PARTITION_COLUMN));
        String lower = blankToNull(ctx.param(LOWER_BOUND));
        String upper = blankToNull(ctx.param(UPPER_BOUND));
        Integer partitions = ctx.param(PARTITIONS);
        if (column == null && lower == null && upper == null && partitions == null) {
            return Map.of();
        }
        if (column == null || lower == null || upper == null || partitions == null) {
            throw new IllegalArgumentException(JDBC.componentId() + ": a parallel read needs all of params '"
                    + PARTITION_COLUMN.name() + "', '" + LOWER_BOUND.name() + "', '" + UPPER_BOUND.name() + "' and '"
                    + PARTITIONS.name() + "'; set the missing ones or clear them all");
        }
        return Map.of("partitionColumn", column, "lowerBound", lower, "upperBound", upper,
                "numPartitions", String.valueOf(partitions));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
