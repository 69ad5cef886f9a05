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
 * A CSV file (or a directory of them) read through Hadoop's file systems: a local path, {@code file://} or
 * {@code hdfs://}. With a declared schema the columns are known before the run and the file is read with exactly
 * that schema (cells that do not fit their type become null); without one Spark infers the types when the node runs
 * and everything downstream waits for that run to know its columns.
 */
public final class ReadCsv implements SparkComponent {

    public static final Param<String> PATH = FileSource.pathParam();

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

    public static final Port OUT = FileSource.output(SCHEMA);

    private static final FileSource FILE = new FileSource("read-csv", "a CSV file");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(FILE.componentId())
            .category(Category.DATA_SOURCES)
            .title("Read CSV", "读取 CSV")
            .description("Reads a CSV file from the local file system or HDFS, with a declared schema or with types "
                            + "inferred by Spark at run time.",
                    "从本地文件系统或 HDFS 读取 CSV 文件，可声明表结构，也可在运行时由 Spark 推断类型。")
            .keywords("csv", "file", "read", "import", "hdfs", "load", "文件", "读取", "导入")
            .outputs(OUT)
            .params(PATH, HEADER, DELIMITER, SCHEMA)
            .examples(Example.of("The bundled iris file, with its schema", "内置的鸢尾花文件（声明表结构）",
                            Map.of("path", Example.SAMPLES + "/iris.csv", "schema", "sepal_length_cm:double,"
                                    + "sepal_width_cm:double,petal_length_cm:double,petal_width_cm:double,species:string")),
                    Example.of("The bundled iris file, types inferred", "内置的鸢尾花文件（推断类型）",
                            Map.of("path", Example.SAMPLES + "/iris.csv")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String path = ctx.param(PATH);
        TableSpec declared = ctx.param(SCHEMA);
        DataFrameReader reader = ctx.spark().read()
                .option("header", ctx.param(HEADER))
                .option("sep", ctx.param(DELIMITER));
        StructType schema = declared != null ? FILE.scalarSchema(declared, SCHEMA)
                : FILE.nearestEasel(FILE.read(ctx, path, reader.option("inferSchema", true)::csv).schema(), path);
        ctx.output(OUT, TableData.source(FILE.read(ctx, path, reader.schema(schema)::csv)));
    }
}
