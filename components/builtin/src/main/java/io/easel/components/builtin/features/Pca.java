package io.easel.components.builtin.features;

import static org.apache.spark.ml.functions.vector_to_array;

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
import io.easel.components.spi.TableData;
import io.easel.components.transform.VectorProjection;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Spark's PCA: a vector column projected onto its first k principal components (not centred, as Spark does it; scale
 * the columns first when their units differ). Fitted on the rows without a missing slot; JPMML-SparkML converts the
 * fitted step.
 */
public final class Pca implements SparkComponent {

    /**
     * Spark fits PCA on a dense slots × slots covariance matrix held and decomposed on the driver (refusing only past
     * 65535 slots): at 4096 that is 134 MB and a minute of decomposition; far beyond, e.g. a hashed text vector, the
     * driver runs out of memory or works for hours.
     */
    public static final int MOST_SLOTS = 4096;

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> COLUMN = Param.column("column", Text.of("Vector column", "向量列"), IN,
                    DataType.VECTOR)
            .description(Text.of("The vector to project (see Assemble vector).", "要投影的向量列（见“合并为向量”）。"))
            .required();

    public static final Param<Integer> COMPONENTS = Param.integer("components",
                    Text.of("Principal components", "主成分数"))
            .description(Text.of("How many components to keep, at most the vector's size.", "保留的主成分个数，不超过向量长度。"))
            .defaultValue(2)
            .range(1, 1000)
            .required();

    public static final Param<String> OUTPUT = Param.string("outputColumn", Text.of("Output column", "输出列名"))
            .defaultValue("pca")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Projected data", "投影后的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.VECTOR)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("pca")
            .category(Category.FEATURE_ENGINEERING)
            .title("Principal component analysis (PCA)", "主成分分析（PCA）")
            .description("Projects a vector column onto its first principal components, a shorter vector that keeps "
                            + "most of the variance. Exported models repeat the projection on raw records.",
                    "将向量列投影到前几个主成分上，得到保留大部分方差的较短向量。导出的模型对原始记录执行同样的投影。")
            .keywords("pca", "principal component", "dimensionality reduction", "主成分", "降维")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMN, COMPONENTS, OUTPUT)
            .examples(Example.of("diabetes' standardized measurements in three components",
                            "将 diabetes 标准化后的指标降为三个主成分",
                            Map.of("column", "features", "components", 3))
                    .input(IN, Example.Upstream.of("vector-assemble", Map.of("columns",
                                    List.of("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")), "out")
                            .from("in", Example.Upstream.of("scale", Map.of("columns",
                                            List.of("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")), "out")
                                    .from("in", ExampleData.dataset("diabetes")))))
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
        if (in.rows().schema().getFieldIndex(output).isDefined()) {
            throw new IllegalArgumentException("Output column: the table already has a column '" + output
                    + "'; choose another name.");
        }
        Dataset<Row> complete = in.rows().filter(functions.col(column).isNotNull()
                .and(functions.not(functions.exists(vector_to_array(functions.col(column), "float64"),
                        functions::isnan))));
        if (complete.isEmpty()) {
            throw new IllegalArgumentException("Vector column '" + column + "' has no row without a missing value "
                    + "to fit the components on.");
        }
        int size = ((Vector) complete.select(column).first().get(0)).size();
        if (size > MOST_SLOTS) {
            throw new IllegalArgumentException("Vector column '" + column + "' has " + size + " slots, more than "
                    + "the " + MOST_SLOTS + " PCA handles: it builds a " + size + " × " + size + " covariance matrix "
                    + "on the driver and decomposes it; hash or select into fewer slots first.");
        }
        int k = ctx.param(COMPONENTS);
        if (k > size) {
            throw new IllegalArgumentException("Principal components: " + k + " asked, but the vector '" + column
                    + "' has only " + size + " slots; choose at most " + size + ".");
        }
        PCAModel model = new PCA().setInputCol(column).setOutputCol(output).setK(k).fit(complete);
        double[][] weights = new double[k][size];
        for (int component = 0; component < k; component++) {
            for (int slot = 0; slot < size; slot++) {
                weights[component][slot] = model.pc().apply(slot, component);
            }
        }
        ctx.output(OUT, in.transform(new VectorProjection().setInputCol(column).setOutputCol(output)
                .setWeights(weights)));
    }
}
