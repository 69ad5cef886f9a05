package io.easel.components.builtin.source;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.types.StructType;

/**
 * A JSON Lines file (one JSON object per line; or a directory of such files) read through Hadoop's file systems: a
 * local path, {@code file://} or {@code hdfs://}. Fields are matched to columns by name. With a declared schema the
 * columns are known before the run and values that do not fit their type become missing; without one Spark infers
 * the types when the node runs (whole numbers become long, other numbers double, and nested objects or arrays are
 * refused, as Easel's columns hold single values).
 */
public final class ReadJsonLines implements SparkComponent {

    public static final Param<String> PATH = FileSource.pathParam();

    public static final Param<TableSpec> SCHEMA = Param.schema("schema", Text.of("Schema", "表结构"))
            .description(Text.of("Columns as name:type, matched to the JSON fields by name, e.g. "
                            + "age:integer,job:string. Leave blank to let Spark infer the types when the node runs.",
                    "列的格式为 名称:类型，按名称对应 JSON 字段，例如 age:integer,job:string。留空则在运行时由 Spark 推断类型。"));

    public static final Port OUT = FileSource.output(SCHEMA);

    private static final FileSource FILE = new FileSource("read-json-lines", "a JSON Lines file");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(FILE.componentId())
            .category(Category.DATA_SOURCES)
            .title("Read JSON Lines", "读取 JSON Lines")
            .description("Reads a JSON Lines file (one JSON object per line) from the local file system or HDFS, "
                            + "with a declared schema or with types inferred by Spark at run time.",
                    "从本地文件系统或 HDFS 读取 JSON Lines 文件（每行一个 JSON 对象），可声明表结构，也可在运行时由 Spark 推断类型。")
            .keywords("json", "jsonl", "ndjson", "file", "read", "import", "hdfs", "load", "文件", "读取", "导入")
            .outputs(OUT)
            .params(PATH, SCHEMA)
            .examples(Example.of("credit_g as JSON Lines, three columns declared", "JSON Lines 格式的 credit_g（声明三列）",
                            Map.of("path", Example.SAMPLES + "/credit_g.jsonl",
                                    "schema", "class:string,age:integer,duration:double")),
                    Example.of("credit_g as JSON Lines, types inferred", "JSON Lines 格式的 credit_g（推断类型）",
                            Map.of("path", Example.SAMPLES + "/credit_g.jsonl")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String path = ctx.param(PATH);
        TableSpec declared = ctx.param(SCHEMA);
        DataFrameReader reader = ctx.spark().read();
        // Without a declared schema Spark infers one with a pass over the data.
        StructType schema = declared != null ? FILE.scalarSchema(declared, SCHEMA)
                : FILE.nearestEasel(FILE.read(ctx, path, reader::json).schema(), path);
        ctx.output(OUT, TableData.source(FILE.read(ctx, path, reader.schema(schema)::json)));
    }
}
