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
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.Normalizer;

/**
 * Spark's Normalizer with p = 2: each row's vector scaled to euclidean length 1 (a vector of zeros stays as it is), as
 * text vectors are before cosine similarity. Exported through Easel's {@code UnitLengthConverter}; other norms are
 * not offered because they would not export.
 */
public final class NormalizeRows implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = Param.column("column", Text.of("Vector column", "向量列"), IN,
                    DataType.VECTOR)
            .description(Text.of("The vector to scale to length 1 in every row.", "每行都缩放到长度为 1 的向量列。"))
            .required();

    public static final Param<String> OUTPUT = Param.string("outputColumn", Text.of("Output column", "输出列名"))
            .defaultValue("normalized")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Normalized data", "归一化后的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.VECTOR)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("normalize-rows")
            .category(Category.FEATURE_ENGINEERING)
            .title("Normalize rows (unit length)", "行归一化（单位长度）")
            .description("Scales the vector of every row to euclidean (L2) length 1, so rows compare by direction, "
                            + "not size. Exported models repeat it on raw records.",
                    "将每行的向量缩放到欧氏（L2）长度为 1，使各行按方向而非大小比较。导出的模型对原始记录执行同样的"
                            + "归一化。")
            .keywords("normalizer", "normalize", "unit length", "l2", "row", "归一化", "单位向量", "行")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, OUTPUT)
            .examples(Example.of("iris' measurements as directions", "将 iris 的测量值归一化为方向",
                            Map.of("column", "features"))
                    .input(IN, Example.Upstream.of("vector-assemble", Map.of("columns", List.of("sepal_length_cm",
                                    "sepal_width_cm", "petal_length_cm", "petal_width_cm")), "out")
                            .from("in", ExampleData.dataset("iris"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ctx.output(OUT, ctx.table(IN).transform(new Normalizer().setInputCol(ctx.param(COLUMN))
                .setOutputCol(ctx.param(OUTPUT)).setP(2)));
    }
}
