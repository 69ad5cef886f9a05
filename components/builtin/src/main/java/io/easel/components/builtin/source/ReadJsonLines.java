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
 * A JSON Lines file (one JSON object per line; or a directory of such files) read through Hadoop's file systems: a
 * local path, {@code file://} or {@code hdfs://}. Fields are matched to columns by name. With a declared schema the
 * columns are known before the run and values that do not fit their type become missing; without one Spark infers
 * the types when the node runs (whole numbers become long, other numbers double, and nested objects or arrays are
 * refused, as Easel's columns hold single values).
 */
public final class ReadJsonLines implements SparkComponent {

    public static final Param<String> PATH = Param.string("path", Text.of("Path", "路径"))
            .description(Text.of("File or directory to read: a local path, file:///… or hdfs://host:port/….",
                    "要读取的文件或目录：本地路径、file:///… 或 hdfs://主机:端口/…。"))
            .required();

    public static final Param<TableSpec> SCHEMA = Param.schema("schema", Text.of("Schema", "表结构"))
            .description(Text.of("Columns as name:type, matched to the JSON fields by name, e.g. "
                            + "age:integer,job:string. Leave blank to let Spark infer the types when the node runs.",
                    "列的格式为 名称:类型，按名称对应 JSON 字段，例如 age:integer,job:string。留空则在运行时由 Spark 推断类型。"));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            new SchemaRule.FromSchemaParam(SCHEMA.name()));

    private static final String ID = "read-json-lines";

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.DATA_SOURCES)
            .title("Read JSON Lines", "读取 JSON Lines")
            .description("Reads a JSON Lines file (one JSON object per line) from the local file system or HDFS, "
                            + "with a declared schema or with types inferred by Spark at run time.",
                    "从本地文件系统或 HDFS 读取 JSON Lines 文件（每行一个 JSON 对象），可声明表结构，也可在运行时由 Spark 推断类型。")
            .keywords("json", "jsonl", "ndjson", "file", "read", "import", "hdfs", "load", "文件", "读取", "导入")
            .outputs(OUT)
            .params(PATH, SCHEMA)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String path = ctx.param(PATH);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(ID + ": param 'path' is required");
        }
        TableSpec declared = ctx.param(SCHEMA);
        DataFrameReader reader = ctx.spark().read();
        StructType schema = declared != null ? schemaOf(declared) : inferredSchema(reader, path);
        ctx.output(OUT, TableData.source(read(reader.schema(schema), path)));
    }

    private static StructType schemaOf(TableSpec declared) {
        for (ColumnSpec column : declared.columns()) {
            if (column.type() == DataType.VECTOR) {
                throw new IllegalArgumentException(ID + ": param 'schema': column '" + column.name()
                        + "' is declared as vector, which a JSON Lines file cannot hold");
            }
        }
        return SparkTypes.toSchema(declared);
    }

    /** Spark's inference (a pass over the data), brought into Easel's types. */
    private static StructType inferredSchema(DataFrameReader reader, String path) {
        StructType inferred = read(reader, path).schema();
        try {
            return SparkTypes.toNearestEasel(inferred);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ID + ": '" + path + "': " + e.getMessage(), e);
        }
    }

    private static Dataset<Row> read(DataFrameReader reader, String path) {
        try {
            return reader.json(path);
        } catch (Exception e) {
            // Spark resolves the path here (AnalysisException, undeclared in Java): name it for the user
            throw new IllegalArgumentException(ID + ": cannot read '" + path + "': " + e.getMessage(), e);
        }
    }
}
