package io.easel.graph;

import io.easel.component.Catalog;
import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import java.util.List;
import java.util.Map;

/**
 * A small catalog declared with the real API, standing in for the built-ins (which need Spark) so graph validation is
 * tested where it lives.
 */
final class TestCatalog {

    static final TableSpec PEOPLE = TableSpec.of(
            ColumnSpec.of("age", DataType.INTEGER),
            ColumnSpec.of("income", DataType.STRING),
            ColumnSpec.of("city", DataType.STRING),
            ColumnSpec.of("class", DataType.STRING));

    private static final Text T = Text.of("t", "t");

    static Catalog create() {
        Param<String> dataset = Param.choice("dataset", T, Param.option("people", T), Param.option("empty", T))
                .defaultValue("people");
        ComponentDescriptor source = ComponentDescriptor.builder("source").category(Category.DATA_SOURCES)
                .title("Source", "源").description("d", "d")
                .outputs(Port.output("out", PortType.TABLE, T,
                        SchemaRule.newTable().byChoice("dataset", Map.of("people", PEOPLE, "empty", TableSpec.of()))))
                .params(dataset).build();

        Port castIn = Port.input("in", PortType.TABLE, T);
        ComponentDescriptor cast = ComponentDescriptor.builder("cast").category(Category.PREPROCESSING)
                .title("Cast", "转换").description("d", "d")
                .inputs(castIn)
                .outputs(Port.output("out", PortType.TABLE, T, SchemaRule.sameAs("in").retype(new ColumnOp.Cols(null, "columns"),
                        new ColumnOp.Type(null, "to", null))))
                .params(Param.columns("columns", T, castIn).required(),
                        Param.choice("to", T, Param.option("double", T), Param.option("string", T))
                                .defaultValue("double"))
                .build();

        Port splitIn = Port.input("in", PortType.TABLE, T);
        ComponentDescriptor split = ComponentDescriptor.builder("split").category(Category.PREPROCESSING)
                .title("Split", "拆分").description("d", "d")
                .inputs(splitIn)
                .outputs(Port.output("train", PortType.TABLE, T, SchemaRule.sameAs("in")),
                        Port.output("test", PortType.TABLE, T, SchemaRule.sameAs("in")))
                .params(Param.decimal("fraction", T).defaultValue(0.8).range(0, true, 1, true),
                        Param.integer("seed", T).defaultValue(42))
                .build();

        Port trainIn = Port.input("in", PortType.TABLE, T);
        Param<String> label = Param.column("label", T, trainIn).required();
        ComponentDescriptor train = ComponentDescriptor.builder("train").category(Category.CLASSIFICATION)
                .title("Train", "训练").description("d", "d")
                .inputs(trainIn)
                .outputs(Port.output("model", PortType.MODEL, T, new SchemaRule.TrainedModel("in", "label",
                        "features", List.of(new SchemaRule.TrainedModel.ModelOutput("prediction", null),
                                new SchemaRule.TrainedModel.ModelOutput("score", DataType.DOUBLE)))))
                .params(label,
                        Param.columns("features", T, trainIn, DataType.INTEGER, DataType.DOUBLE, DataType.STRING)
                                .excluding(label).allWhenEmpty(),
                        Param.integer("depth", T).defaultValue(5).range(1, 30))
                .build();

        Port model = Port.input("model", PortType.MODEL, T);
        Port table = Port.input("in", PortType.TABLE, T);
        ComponentDescriptor predict = ComponentDescriptor.builder("predict").category(Category.PREDICTION)
                .title("Predict", "预测").description("d", "d")
                .inputs(model, table)
                .outputs(Port.output("out", PortType.TABLE, T, SchemaRule.sameAs("in").appendModelOutputs("model")))
                .build();

        Port evalIn = Port.input("in", PortType.TABLE, T);
        ComponentDescriptor evaluate = ComponentDescriptor.builder("evaluate").category(Category.EVALUATION)
                .title("Evaluate", "评估").description("d", "d")
                .inputs(evalIn)
                .outputs(Port.output("report", PortType.REPORT, T,
                        SchemaRule.fixed(ReportSpec.builder("binary-classification").headline("auc", "AUC", "AUC").build())))
                .params(Param.column("score", T, evalIn, DataType.DOUBLE).defaultValue("score"))
                .build();
        return new Catalog(List.of(source, cast, split, train, predict, evaluate));
    }

    private TestCatalog() {}
}
