package io.easel.components.builtin.source;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A LibSVM (SVMlight) file, or a directory of them: one row per line, {@code label index:value index:value …} with
 * one-based, increasing indices; read by Spark's own LibSVM source into a {@code label} (double) and a sparse
 * {@code features} vector (zero-based). Without the number of features Spark finds it with a pass over the file (the
 * largest index); with it, files of one dataset split in parts keep the same vector size.
 */
public final class ReadLibSvm implements SparkComponent {

    static final String LABEL = "label";
    static final String FEATURES = "features";

    public static final Param<String> PATH = FileSource.pathParam();

    public static final Param<Integer> NUM_FEATURES = Param.integer("numFeatures",
                    Text.of("Number of features", "特征数"))
            .description(Text.of("The size of the feature vector; at least the largest index in the file. Leave "
                            + "blank to take the largest index found (one more pass over the file).",
                    "特征向量的长度，不能小于文件中的最大下标。留空则取文件中找到的最大下标（需多读一遍文件）。"))
            .range(1, Integer.MAX_VALUE);

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            SchemaRule.newTable()
                    .add(ColumnOp.Name.of(LABEL), ColumnOp.Type.of(DataType.DOUBLE))
                    .add(ColumnOp.Name.of(FEATURES), ColumnOp.Type.of(DataType.VECTOR)));

    private static final FileSource FILE = new FileSource("read-libsvm", "a LibSVM file");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(FILE.componentId())
            .category(Category.DATA_SOURCES)
            .title("Read LibSVM", "读取 LibSVM")
            .description("Reads a LibSVM (SVMlight) file of sparse rows from the local file system or HDFS into a "
                            + "label and a feature vector.",
                    "从本地文件系统或 HDFS 读取 LibSVM（SVMlight）格式的稀疏数据，得到标签列和特征向量列。")
            .keywords("libsvm", "svmlight", "sparse", "vector", "file", "read", "import", "load", "稀疏", "文件",
                    "读取", "导入")
            .outputs(OUT)
            .params(PATH, NUM_FEATURES)
            .examples(Example.of("iris as a LibSVM file", "LibSVM 格式的鸢尾花数据",
                            Map.of("path", Example.SAMPLES + "/" + SampleFiles.IRIS_LIBSVM)),
                    Example.of("iris as a LibSVM file, vectors of 6 features", "LibSVM 格式的鸢尾花数据（6 维特征向量）",
                            Map.of("path", Example.SAMPLES + "/" + SampleFiles.IRIS_LIBSVM, "numFeatures", 6)))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String path = ctx.param(PATH);
        Integer numFeatures = ctx.param(NUM_FEATURES);
        DataFrameReader reader = ctx.spark().read().format("libsvm");
        if (numFeatures != null) {
            reader = reader.option("numFeatures", numFeatures);
        }
        Dataset<Row> rows = FILE.read(ctx, path, reader::load);
        ctx.output(OUT, TableData.source(rows));
    }
}
