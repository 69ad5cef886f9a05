package io.easel.engine.testing;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.PolynomialExpansion;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.types.StructType;

/** A "model" whose pipeline holds a stage JPMML-SparkML cannot convert (PolynomialExpansion). */
public final class UnexportableModel implements SparkComponent {

    private static final ModelSpec SPEC = new ModelSpec("unexportable-model", null,
            List.of(ColumnSpec.of("x", DataType.DOUBLE)), List.of(ColumnSpec.of("normalized", DataType.VECTOR)));

    public static final Port MODEL = Port.output("model", PortType.MODEL, Text.of("Model", "模型"),
            new SchemaRule.Fixed(SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("unexportable-model")
            .category(Category.CLASSIFICATION)
            .title("Unexportable model", "无法导出的模型")
            .description("Test component.", "测试组件。")
            .outputs(MODEL)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        // A number as raw input (a raw vector alone would make the model unexportable before any conversion).
        StructType raw = new StructType().add("x", org.apache.spark.sql.types.DataTypes.DoubleType);
        Transformer assembler = new VectorAssembler().setInputCols(new String[] {"x"}).setOutputCol("v");
        Transformer expansion = new PolynomialExpansion().setInputCol("v").setOutputCol("normalized");
        ctx.output(MODEL, new ModelData(SPEC, FeatureLineage.source(raw),
                new PipelineModel("unexportable", new Transformer[] {assembler, expansion}), List.of(), Map.of()));
    }
}
