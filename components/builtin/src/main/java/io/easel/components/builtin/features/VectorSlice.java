package io.easel.components.builtin.features;

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
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Spark's VectorSlicer: chosen slots of a vector column, by position, into a new vector. JPMML-SparkML converts it. */
public final class VectorSlice implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = Param.column("column", Text.of("Vector column", "向量列"), IN,
                    DataType.VECTOR)
            .required();

    public static final Param<String> SLOTS = Param.string("slots", Text.of("Slots", "位置"))
            .description(Text.of("Positions to keep, from 0, separated by commas, e.g. 0, 2, 3.",
                    "要保留的位置（从 0 开始），用逗号分隔，例如 0, 2, 3。"))
            .required();

    public static final Param<String> OUTPUT = Param.string("outputColumn", Text.of("Output column", "输出列名"))
            .defaultValue("sliced")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the slice", "含切片的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.VECTOR)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("vector-slice")
            .category(Category.FEATURE_ENGINEERING)
            .title("Slice vector", "向量切片")
            .description("Keeps chosen slots of a vector column, by position, as a new vector column. Exported models "
                            + "repeat it.",
                    "按位置保留向量列中的指定分量，生成新的向量列。导出的模型同样执行此步骤。")
            .keywords("vector slicer", "slice", "vector", "subset", "切片", "向量", "子集")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, SLOTS, OUTPUT)
            .examples(Example.of("iris' petal measurements out of the four", "从 iris 四个测量值中取花瓣的两个",
                            Map.of("column", "features", "slots", "2, 3"))
                    .input(IN, FeatureColumns.irisMeasurements()))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        String column = ctx.param(COLUMN);
        int[] slots;
        try {
            slots = Arrays.stream(ctx.param(SLOTS).split(",")).map(String::trim).mapToInt(Integer::parseInt)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Slots: '" + ctx.param(SLOTS) + "' is not a list of positions "
                    + "separated by commas, e.g. 0, 2, 3.");
        }
        Dataset<Row> present = in.rows().select(column).filter(in.rows().col(column).isNotNull());
        Vector first = present.isEmpty() ? null : (Vector) present.first().get(0);
        for (int slot : slots) {
            if (slot < 0 || first != null && slot >= first.size() || Arrays.stream(slots).filter(s -> s == slot)
                    .count() > 1) {
                throw new IllegalArgumentException("Slots: " + slot + " is repeated or not a position of '" + column
                        + "'" + (first == null ? "" : " (0 to " + (first.size() - 1) + ")") + ".");
            }
        }
        ctx.output(OUT, in.transform(new VectorSlicer().setInputCol(column).setOutputCol(ctx.param(OUTPUT))
                .setIndices(slots)));
    }
}
