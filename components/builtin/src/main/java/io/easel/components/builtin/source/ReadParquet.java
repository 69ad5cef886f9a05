package io.easel.components.builtin.source;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet file (or a directory of them, as Spark writes it) read through Hadoop's file systems: a local path,
 * {@code file://} or {@code hdfs://}. Parquet carries its own column types, so nothing is guessed: without a declared
 * schema every column comes with the nearest Easel type of its own (smaller integers widen to integer, floats and
 * decimals to double); with one, the declared columns are picked by name and converted to the declared types (values
 * that do not convert become missing), so that they are known before the run.
 */
public final class ReadParquet implements SparkComponent {

    public static final Param<String> PATH = FileSource.pathParam();

    public static final Param<TableSpec> SCHEMA = Param.schema("schema", Text.of("Schema", "表结构"))
            .description(Text.of("Columns to take, as name:type, e.g. age:integer,job:string; they are picked by "
                            + "name and converted to the declared type. Leave blank to take every column with the "
                            + "file's own types when the node runs.",
                    "要读取的列，格式为 名称:类型，例如 age:integer,job:string；按列名选取并转换为声明的类型。"
                            + "留空则在运行时按文件自带的类型读取所有列。"));

    public static final Port OUT = FileSource.output(SCHEMA);

    private static final FileSource FILE = new FileSource("read-parquet", "a Parquet file");
    private static final String ID = FILE.componentId();

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.DATA_SOURCES)
            .title("Read Parquet", "读取 Parquet")
            .description("Reads a Parquet file or directory from the local file system or HDFS, with a declared "
                            + "schema or with the column types stored in the file.",
                    "从本地文件系统或 HDFS 读取 Parquet 文件或目录，可声明表结构，也可使用文件中保存的列类型。")
            .keywords("parquet", "file", "read", "import", "hdfs", "load", "columnar", "文件", "读取", "导入", "列式")
            .outputs(OUT)
            .params(PATH, SCHEMA)
            .examples(Example.of("credit_g as Parquet, three columns as declared", "Parquet 格式的 credit_g（声明三列）",
                            Map.of("path", Example.SAMPLES + "/credit_g.parquet",
                                    "schema", "class:string,age:double,credit_amount:long")),
                    Example.of("credit_g as Parquet, the file's own types", "Parquet 格式的 credit_g（文件自带类型）",
                            Map.of("path", Example.SAMPLES + "/credit_g.parquet")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String path = ctx.param(PATH);
        // Spark reads the footers here.
        Dataset<Row> file = FILE.read(ctx, path, ctx.spark().read()::parquet);
        TableSpec declared = ctx.param(SCHEMA);
        Dataset<Row> rows = declared != null ? declaredColumns(file, declared, path) : ownColumns(file, path);
        ctx.output(OUT, TableData.source(rows));
    }

    /** Every column of the file, each converted to its nearest Easel type (a widening; nothing is lost). */
    private static Dataset<Row> ownColumns(Dataset<Row> file, String path) {
        StructType target = FILE.nearestEasel(file.schema(), path);
        List<Column> columns = new ArrayList<>();
        StructField[] own = file.schema().fields();
        for (int i = 0; i < own.length; i++) {
            Column column = file.col(quoted(own[i].name()));
            org.apache.spark.sql.types.DataType type = target.fields()[i].dataType();
            columns.add((own[i].dataType().equals(type) ? column : column.cast(type)).as(own[i].name()));
        }
        return file.select(columns.toArray(Column[]::new));
    }

    /** The declared columns, by name, in the declared order and types. */
    private static Dataset<Row> declaredColumns(Dataset<Row> file, TableSpec declared, String path) {
        List<Column> columns = new ArrayList<>();
        for (ColumnSpec wanted : declared.columns()) {
            StructField field = fieldNamed(file.schema(), wanted.name()).orElseThrow(() ->
                    new IllegalArgumentException(ID + ": param 'schema': column '" + wanted.name() + "' is not in '"
                            + path + "' (its columns: " + String.join(", ", file.columns()) + ")"));
            org.apache.spark.sql.types.DataType type = SparkTypes.toSpark(wanted.type());
            Column column = file.col(quoted(field.name()));
            if (field.dataType().equals(type)) {
                columns.add(column.as(wanted.name()));
            } else if (wanted.type() == DataType.VECTOR) {
                throw new IllegalArgumentException(ID + ": param 'schema': column '" + wanted.name()
                        + "' is declared as vector, but '" + path + "' holds " + field.dataType().simpleString());
            } else {
                columns.add(column.try_cast(type).as(wanted.name()));
            }
        }
        try {
            return file.select(columns.toArray(Column[]::new));
        } catch (Exception e) {
            // Spark refuses a conversion it has no rule for (a struct to an integer, say) when it analyses the select
            throw new IllegalArgumentException(ID + ": param 'schema': " + e.getMessage(), e);
        }
    }

    /** Spark matches column names regardless of case by default; so does the schema param. */
    private static Optional<StructField> fieldNamed(StructType schema, String name) {
        return Arrays.stream(schema.fields()).filter(f -> f.name().equals(name)).findFirst()
                .or(() -> Arrays.stream(schema.fields()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst());
    }

    /** A column name as Spark's resolver takes it literally (dots and backticks included). */
    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
