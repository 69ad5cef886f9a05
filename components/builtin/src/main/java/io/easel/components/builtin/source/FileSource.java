package io.easel.components.builtin.source;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkTypes;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What the file-reading components share: the path param, and turning Spark's failures and types into messages and
 * columns that name the component, its param and the file.
 *
 * @param componentId the reading component's id, which starts every message
 * @param format what the file holds, as a user calls it ("a CSV file")
 */
record FileSource(String componentId, String format) {

    /** The path of the file or directory to read, in a Hadoop file system, under the data roots. */
    static Param<String> pathParam() {
        return Param.path("path", Text.of("Path", "路径"))
                .description(Text.of("File or directory to read, under the server's data roots: an absolute path, "
                                + "file:///…, hdfs://host:port/…, {samples}/… for the bundled samples or "
                                + "{uploads}/… for the files uploaded into the experiment's workspace; * and ? match "
                                + "names within a directory.",
                        "要读取的文件或目录，须位于服务器配置的数据根目录下：绝对路径、file:///…、hdfs://主机:端口/…、"
                                + "表示内置示例目录的 {samples}/…，或表示本实验所在工作区已上传文件的 {uploads}/…；"
                                + "* 和 ? 可匹配目录中的名称。"))
                .required();
    }

    /** The table read, its columns those of the schema param when it is set (unknown until the run otherwise). */
    static Port output(Param<TableSpec> schema) {
        return Port.output("out", PortType.TABLE, Text.of("Data", "数据"), SchemaRule.newTable().schemaParam(schema.name()));
    }

    /**
     * Reads {@code path} once the run's data roots allow it; Spark resolves it here (AnalysisException, undeclared in
     * Java): name it for the user.
     */
    Dataset<Row> read(ExecutionContext ctx, String path, Function<String, Dataset<Row>> reading) {
        String location;
        try {
            location = ctx.data().readable(path);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException(componentId + ": param 'path': " + refused.getMessage(), refused);
        }
        try {
            return reading.apply(location);
        } catch (Exception e) {
            throw new IllegalArgumentException(componentId + ": cannot read '" + path + "': " + e.getMessage(), e);
        }
    }

    /** A declared schema as Spark's, for formats that hold only scalar cells. */
    StructType scalarSchema(TableSpec declared, Param<TableSpec> schemaParam) {
        for (ColumnSpec column : declared.columns()) {
            if (column.type() == DataType.VECTOR) {
                throw new IllegalArgumentException(componentId + ": param '" + schemaParam.name() + "': column '"
                        + column.name() + "' is declared as vector, which " + format + " cannot hold");
            }
        }
        return SparkTypes.toSchema(declared);
    }

    /** The types Spark found in {@code path}, brought into Easel's (decimals become doubles, and so on). */
    StructType nearestEasel(StructType found, String path) {
        try {
            return SparkTypes.toNearestEasel(found);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(componentId + ": '" + path + "': " + e.getMessage(), e);
        }
    }
}
