package io.easel.components.builtin.sink;

import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * What the file-writing components share: the table in, the path (under the writable data roots), what to do when
 * it exists, one file or one per partition, and the report of what was written. Spark writes a directory of part
 * files at the path, as its readers (and Easel's) read it back.
 *
 * @param componentId the writing component's id, which starts every message
 */
record FileSink(String componentId) {

    static final Port IN = Written.IN;
    static final Port REPORT = Written.REPORT;

    static Param<String> pathParam() {
        return Param.outputPath("path", Text.of("Path", "路径"))
                .description(Text.of("The directory to write, under a data root other than the bundled samples: an "
                                + "absolute path, file:///… or hdfs://host:port/…. Spark writes the rows as part "
                                + "files in it.",
                        "要写入的目录，须位于内置示例目录以外的数据根目录下：绝对路径、file:///… 或 hdfs://主机:端口/…。"
                                + "Spark 会在其中写入若干分片文件。"))
                .required();
    }

    static Param<String> modeParam() {
        return Param.choice("mode", Text.of("If it exists", "目标已存在时"),
                        Param.option("errorIfExists", Text.of("Fail the node", "节点报错")),
                        Param.option("overwrite", Text.of("Replace it", "覆盖")))
                .description(Text.of("What to do when the path already exists: fail, so nothing is lost, or replace "
                                + "what is there.",
                        "路径已存在时的处理：报错（不丢失已有数据），或覆盖已有内容。"))
                .defaultValue("errorIfExists")
                .required();
    }

    static Param<Boolean> singleFileParam() {
        return Param.bool("singleFile", Text.of("One file", "单个文件"))
                .description(Text.of("Write one part file instead of one per partition. This brings all rows to one "
                                + "task, so it is slow for a large table.",
                        "只写一个分片文件，而不是每个分区一个。这会把所有行集中到一个任务中，大表会很慢。"))
                .defaultValue(false)
                .advanced();
    }

    /**
     * Where the catalog's examples write: a directory under the JVM's temporary directory, which the test data roots
     * hold.
     */
    static String examplePath(String name) {
        return Path.of(System.getProperty("java.io.tmpdir"), "easel-examples", name).toString();
    }

    static Example.Upstream exampleInput() {
        return ExampleData.dataset("iris");
    }

    /**
     * Writes the input table to {@code path} once the run's writable data roots allow it, and reports how many rows
     * {@code readBack} finds there (from Parquet's footers without reading the rows; a pass over CSV text).
     */
    void write(ExecutionContext ctx, Param<String> pathParam, Param<String> modeParam, Param<Boolean> singleFile,
            BiConsumer<DataFrameWriter<Row>, String> format, Function<String, Dataset<Row>> readBack) {
        String path = ctx.param(pathParam);
        String location;
        try {
            location = ctx.data().writable(path);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException(componentId + ": param '" + pathParam.name() + "': "
                    + refused.getMessage(), refused);
        }
        Dataset<Row> rows = ctx.table(IN).rows();
        if (ctx.param(singleFile)) {
            rows = rows.coalesce(1);
        }
        boolean overwrite = ctx.param(modeParam).equals("overwrite");
        SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        try {
            format.accept(rows.write().mode(mode), location);
        } catch (Exception e) { // Spark's AnalysisException, undeclared in Java
            String reason = !overwrite && String.valueOf(e.getMessage()).contains("already exists")
                    ? "it already exists; choose another path or set param '" + modeParam.name() + "' to overwrite"
                    : e.getMessage();
            throw new IllegalArgumentException(componentId + ": cannot write '" + path + "': " + reason, e);
        }
        ctx.output(REPORT, Written.report(readBack.apply(location).count(), "path", location));
    }
}
