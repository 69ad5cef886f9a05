package io.easel.components.builtin.features;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.VectorProjection;
import java.util.Map;

/**
 * Spark's DCT: the orthonormal type-II discrete cosine transform of a vector (DCT-III, its inverse, when asked). The
 * transform is linear, so it is applied as a {@link VectorProjection} onto the cosine basis, which exported models
 * replay; it equals Spark's DCT to rounding (see DctTest). A missing slot makes the whole output missing, as in Spark.
 */
public final class Dct implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = FeatureColumns.vectorColumn(IN);

    public static final Param<Boolean> INVERSE = Param.bool("inverse", Text.of("Inverse", "逆变换"))
            .description(Text.of("The inverse transform (DCT-III), which undoes the forward one.",
                    "逆变换（DCT-III），可还原正变换。"))
            .defaultValue(false);

    public static final Param<String> OUTPUT = FeatureColumns.outputColumn(IN, "dct");

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the transform",
                    "含变换结果的数据"), FeatureColumns.withVector(IN, OUTPUT));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("dct")
            .category(Category.FEATURE_ENGINEERING)
            .title("Discrete cosine transform", "离散余弦变换")
            .description("Transforms a vector column into its frequency components (orthonormal DCT-II), or back "
                            + "with the inverse. A missing slot makes the result missing. Exported models repeat it "
                            + "on raw records.",
                    "将向量列变换为其频率分量（正交 DCT-II），或用逆变换还原。任一分量缺失则结果缺失。导出的模型对原始"
                            + "记录执行同样的变换。")
            .keywords("dct", "discrete cosine transform", "frequency", "signal", "离散余弦变换", "频域", "信号")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, INVERSE, OUTPUT)
            .examples(Example.of("The cosine transform of iris' four measurements", "iris 四个测量值的余弦变换",
                            Map.of("column", "features"))
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
        String output = ctx.param(OUTPUT);
        double[][] forward = cosineBasis(FeatureColumns.vectorSize(in, column));
        ctx.output(OUT, in.transform(new VectorProjection().setInputCol(column).setOutputCol(output)
                .setWeights(ctx.param(INVERSE) ? transposed(forward) : forward)));
    }

    /** Row k: the k-th orthonormal DCT-II basis vector, {@code s_k cos(pi (2n + 1) k / 2N)}. */
    static double[][] cosineBasis(int size) {
        double[][] basis = new double[size][size];
        for (int k = 0; k < size; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / size);
            for (int n = 0; n < size; n++) {
                basis[k][n] = scale * Math.cos(Math.PI * (2 * n + 1) * k / (2.0 * size));
            }
        }
        return basis;
    }

    /** The orthonormal basis' inverse. */
    private static double[][] transposed(double[][] matrix) {
        double[][] result = new double[matrix.length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix.length; j++) {
                result[j][i] = matrix[i][j];
            }
        }
        return result;
    }
}
