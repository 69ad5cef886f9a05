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
import io.easel.components.transform.Monomials;
import java.util.List;
import java.util.Map;

/**
 * Spark's PolynomialExpansion and Interaction on columns: every product of up to {@code degree} chosen columns, as one
 * vector with slots named {@code a*b}, so a linear model can fit curves and interactions. A {@link Monomials} step
 * that exported models replay.
 */
public final class PolynomialFeatures implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<List<String>> COLUMNS = FeatureColumns.numericColumns(IN,
            Text.of("The numeric columns to multiply.", "要相乘的数值列。"));

    public static final Param<Integer> DEGREE = Param.integer("degree", Text.of("Degree", "次数"))
            .description(Text.of("The most columns in one product: 2 gives squares and pairwise interactions.",
                    "一个乘积中最多的列数：2 表示平方项与两两交互项。"))
            .defaultValue(2)
            .range(1, 4)
            .required();

    public static final Param<String> OUTPUT = Param.string("outputColumn", Text.of("Output column", "输出列名"))
            .defaultValue("polynomial")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Expanded data", "扩展后的数据"),
            SchemaRule.sameAs(IN.name()).add(ColumnOp.Name.param(OUTPUT), ColumnOp.Type.of(DataType.VECTOR)));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("polynomial-features")
            .category(Category.FEATURE_ENGINEERING)
            .title("Polynomial features and interactions", "多项式特征与交互项")
            .description("Adds a vector of the chosen columns, their squares and their products up to a degree, so "
                            + "linear models can fit curves and interactions. Exported models repeat it on raw "
                            + "records.",
                    "生成所选列及其平方项、乘积项（不超过指定次数）组成的向量，使线性模型能拟合曲线与交互效应。"
                            + "导出的模型对原始记录执行同样的扩展。")
            .keywords("polynomial expansion", "interaction", "polynomial", "cross features", "多项式", "交互项",
                    "特征交叉")
            .inputs(IN)
            .outputs(OUT)
            .params(COLUMNS, DEGREE, OUTPUT)
            .examples(Example.of("diabetes' body-mass index and blood pressure with their interaction",
                            "diabetes 的体重指数与血压及其交互项",
                            Map.of("columns", List.of("bmi", "bp"), "degree", 2))
                    .input(IN, ExampleData.dataset("diabetes")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        String output = ctx.param(OUTPUT);
        if (ctx.table(IN).rows().schema().getFieldIndex(output).isDefined()) {
            throw new IllegalArgumentException("Output column: the table already has a column '" + output
                    + "'; choose another name.");
        }
        ctx.output(OUT, ctx.table(IN).transform(new Monomials().setInputCols(ctx.param(COLUMNS))
                .setDegree(ctx.param(DEGREE)).setOutputCol(output)));
    }
}
