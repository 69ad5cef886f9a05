package io.easel.components.builtin.sink;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import java.util.Map;

/**
 * Writes a table as CSV files (a directory of part files, as Spark writes them) under a writable data root. Missing
 * values become empty cells, which read-csv reads back as missing. Vector columns have no CSV form and are refused.
 */
public final class WriteCsv implements SparkComponent {

    public static final Port IN = FileSink.IN;
    public static final Port REPORT = FileSink.REPORT;

    public static final Param<String> PATH = FileSink.pathParam();
    public static final Param<String> MODE = FileSink.modeParam();

    public static final Param<Boolean> HEADER = Param.bool("header", Text.of("Write a header", "写入表头"))
            .description(Text.of("Whether the first line of each file names the columns.", "每个文件的首行是否写入列名。"))
            .defaultValue(true);

    public static final Param<String> DELIMITER = Param.string("delimiter", Text.of("Delimiter", "分隔符"))
            .description(Text.of("The cell separator, e.g. , or ; or \\t for tab.", "单元格分隔符，例如 , 或 ; 或表示制表符的 \\t。"))
            .defaultValue(",")
            .required();

    public static final Param<Boolean> SINGLE_FILE = FileSink.singleFileParam();

    private static final FileSink FILE = new FileSink("write-csv");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(FILE.componentId())
            .category(Category.DATA_SINKS)
            .title("Write CSV", "写入 CSV")
            .description("Writes a table as CSV files to the local file system or HDFS, under a writable data root, "
                            + "and reports how many rows were written.",
                    "将数据表以 CSV 文件写入本地文件系统或 HDFS（须位于可写的数据根目录下），并报告写入的行数。")
            .keywords("csv", "file", "write", "export", "save", "output", "hdfs", "文件", "写入", "导出", "保存", "输出")
            .inputs(IN)
            .outputs(REPORT)
            .params(PATH, MODE, HEADER, DELIMITER, SINGLE_FILE)
            .examples(Example.of("Iris to one CSV file, replacing an earlier one", "将鸢尾花数据写成一个 CSV 文件（覆盖已有的）",
                            Map.of("path", FileSink.examplePath("iris-csv"), "mode", "overwrite", "singleFile", true))
                    .input(IN, FileSink.exampleInput()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        Written.refuseVectors(FILE.componentId(), ctx.table(IN).rows(), "CSV cannot hold; drop them "
                + "(drop-columns) or write Parquet (write-parquet)");
        boolean header = ctx.param(HEADER);
        String delimiter = ctx.param(DELIMITER);
        FILE.write(ctx, PATH, MODE, SINGLE_FILE,
                (writer, location) -> writer.option("header", header).option("sep", delimiter).csv(location),
                location -> ctx.spark().read().option("header", header).option("sep", delimiter).csv(location));
    }
}
