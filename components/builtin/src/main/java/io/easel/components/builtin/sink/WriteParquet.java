package io.easel.components.builtin.sink;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import java.util.Map;

/**
 * Writes a table as Parquet files (a directory of part files, as Spark writes them) under a writable data root: every
 * column with its type, vectors included, as read-parquet reads them back.
 */
public final class WriteParquet implements SparkComponent {

    public static final Port IN = FileSink.IN;
    public static final Port REPORT = FileSink.REPORT;

    public static final Param<String> PATH = FileSink.pathParam();
    public static final Param<String> MODE = FileSink.modeParam();
    public static final Param<Boolean> SINGLE_FILE = FileSink.singleFileParam();

    private static final FileSink FILE = new FileSink("write-parquet");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(FILE.componentId())
            .category(Category.DATA_SINKS)
            .title("Write Parquet", "写入 Parquet")
            .description("Writes a table as Parquet files to the local file system or HDFS, under a writable data "
                            + "root, keeping every column's type, and reports how many rows were written.",
                    "将数据表以 Parquet 文件写入本地文件系统或 HDFS（须位于可写的数据根目录下），保留各列类型，并报告写入的行数。")
            .keywords("parquet", "file", "write", "export", "save", "output", "columnar", "hdfs", "文件", "写入",
                    "导出", "保存", "输出", "列式")
            .inputs(IN)
            .outputs(REPORT)
            .params(PATH, MODE, SINGLE_FILE)
            .examples(Example.of("Iris to Parquet, replacing an earlier copy", "将鸢尾花数据写成 Parquet（覆盖已有的）",
                            Map.of("path", FileSink.examplePath("iris-parquet"), "mode", "overwrite"))
                    .input(IN, FileSink.exampleInput()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        FILE.write(ctx, PATH, MODE, SINGLE_FILE, (writer, location) -> writer.parquet(location),
                location -> ctx.spark().read().parquet(location));
    }
}
