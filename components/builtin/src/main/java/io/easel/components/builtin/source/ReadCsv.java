package io.easel.components.builtin.source;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A CSV file (or a directory of them) read through Hadoop's file systems: a local path, {@code file://} or
 * {@code hdfs://}. With a declared schema the columns are known before the run and the file is read with exactly
 * that schema (cells that do not fit their type become null); without one Spark infers the types when the node runs
 * and everything downstream waits for that run to know its columns.
 */
public final class ReadCsv implements SparkComponent {

    public static final Param<String> PATH = Param.string("path", Text.of("Path", "路径"))
            .description(Text.of("File or directory to read: a local path, file:///… or hdfs://host:port/….",
                    "要读取的文件或目录：本地路径、file:///… 或 hdfs://主机:端口/…。"))
            .required();

    public static final Param<Boolean> HEADER = Param.bool("header", Text.of("First line is a header", "首行为表头"))
            .description(Text.of("Whether the first line names the columns.", "首行是否为列名。"))
            .defaultValue(true);

    public static final Param<String> DELIMITER = Param.string("delimiter", Text.of("Delimiter", "分隔符"))
            .description(Text.of("The cell separator, e.g. , or ; or \\t for tab.", "单元格分隔符，例如 , 或 ; 或表示制表符的 \\t。"))
            .defaultValue(",");

    public static final Param<TableSpec> SCHEMA = Param.schema("schema", Text.of("Schema", "表结构"))
            .description(Text.of("Columns as name:type, in file order, e.g. age:integer,job:string. Leave blank to "
                            + "let Spark infer the types when the node runs.",
                    "按文件中的顺序写出列，格式为 名称:类型，例如 age:integer,job:string。留空则在运行时由 Spark 推断类型。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            new SchemaRule.FromSchemaParam(SCHEMA.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("read-csv")
            .category(Category.DATA_SOURCES)
            .title("Read CSV", "读取 CSV")
            .description("Reads a CSV file from the local file system or HDFS, with a declared schema or with types "
                            + "inferred by Spark at run time.",
                    "从本地文件系统或 HDFS 读取 CSV 文件，可声明表结构，也可在运行时由 Spark 推断类型。")
            .keywords("csv", "file", "read", "import", "hdfs", "load", "文件", "读取", "导入")
            .outputs(OUT)
            .params(PATH, HEADER, DELIMITER, SCHEMA)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String path = ctx.param(PATH);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("read-csv: param 'path' is required");
        }
        TableSpec declared = ctx.param(SCHEMA);
        DataFrameReader reader = ctx.spark().read()
                .option("header", Boolean.TRUE.equals(ctx.param(HEADER)))
                .option("sep", ctx.param(DELIMITER) == null ? "," : ctx.param(DELIMITER));
        StructType schema = declared != null ? schemaOf(declared) : inferredSchema(reader, path);
        ctx.output(OUT, TableData.source(read(reader.schema(schema), path)));
    }

    private static StructType schemaOf(TableSpec declared) {
        for (ColumnSpec column : declared.columns()) {
            if (column.type() == DataType.VECTOR) {
                throw new IllegalArgumentException("read-csv: param 'schema': column '" + column.name()
                        + "' is declared as vector, which a CSV file cannot hold");
            }
        }
        return SparkTypes.toSchema(declared);
    }

    /** Spark's inference, brought into Easel's types (decimals become doubles, and so on). */
    private static StructType inferredSchema(DataFrameReader reader, String path) {
        StructType inferred = read(reader.option("inferSchema", true), path).schema();
        try {
            return SparkTypes.toNearestEasel(inferred);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("read-csv: '" + path + "': " + e.getMessage(), e);
        }
    }

    private static Dataset<Row> read(DataFrameReader reader, String path) {
        try {
            return reader.csv(path);
        } catch (Exception e) {
            // Spark resolves the path here (AnalysisException, undeclared in Java): name it for the user
            throw new IllegalArgumentException("read-csv: cannot read '" + path + "': " + e.getMessage(), e);
        }
    }
}
