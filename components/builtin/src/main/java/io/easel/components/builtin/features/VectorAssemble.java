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
import org.apache.spark.ml.feature.VectorAssembler;

/**
 * Spark's VectorAssembler: numeric and vector columns gathered into one vector column, in the order chosen, for the
 * vector components (PCA, selectors) and for learners. A missing number becomes NaN in its slot (Spark's "keep"),
 * missing in PMML. JPMML-SparkML converts the step.
 */
public final class VectorAssemble implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = Param.columns("columns", Text.of("Columns", "列"), IN,
                    DataType.INTEGER, DataType.LONG, DataType.DOUBLE, DataType.VECTOR)
            .description(Text.of("The numeric and vector columns to gather, in this order.",
                    "要合并的数值列和向量列，按此顺序。"))
            .required();

    public static final Param<String> OUTPUT = Param.string("outputColumn", Text.of("Vector column", "向量列名"))
            .description(Text.of("The name of the new vector column.", "新向量列的名称。"))
            .defaultValue("features")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data with the vector",
                    "含向量列的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.VECTOR)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("vector-assemble")
            .category(Category.FEATURE_ENGINEERING)
            .title("Assemble vector", "合并为向量")
            .description("Gathers numeric and vector columns into one vector column, in the order chosen, for PCA, "
                            + "feature selection or learners. Missing numbers become NaN. Exported models repeat it.",
                    "将数值列和向量列按所选顺序合并为一个向量列，供 PCA、特征选择或学习器使用。缺失的数值变为 NaN。"
                            + "导出的模型同样执行此步骤。")
            .keywords("vector assembler", "assemble", "vector", "features", "合并", "向量", "特征向量")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, OUTPUT)
            .examples(Example.of("diabetes' measurements as one vector", "将 diabetes 的各项指标合并为向量",
                            Map.of("columns", List.of("age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")))
                    .input(IN, ExampleData.dataset("diabetes")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        List<String> columns = ctx.param(COLUMNS);
        if (ctx.table(IN).rows().schema().getFieldIndex(output).isDefined()) {
            throw new IllegalArgumentException("Vector column: the table already has a column '" + output
                    + "'; choose another name.");
        }
        ctx.output(OUT, ctx.table(IN).transform(new VectorAssembler().setInputCols(columns.toArray(String[]::new))
                .setOutputCol(output).setHandleInvalid("keep")));
    }
}
