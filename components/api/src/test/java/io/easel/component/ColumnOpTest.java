package io.easel.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Output shapes are compositions of a few column operations, each driven by params. */
class ColumnOpTest {

    private static final Text T = Text.of("t", "t");
    private static final Port LEFT = Port.input("left", PortType.TABLE, T);
    private static final Port RIGHT = Port.input("right", PortType.TABLE, T);
    private static final Param<List<String>> COLUMNS = Param.columns("columns", T, LEFT);
    private static final Param<String> NAME = Param.string("name", T);
    private static final Param<String> TYPE = Param.choice("type", T, Param.option("double", T),
            Param.option("vector", T)).defaultValue("double");
    private static final Param<Integer> COUNT = Param.integer("count", T);
    private static final TableSpec PEOPLE = TableSpec.parse("id:long,age:integer,city:string");
    private static final TableSpec ORDERS = TableSpec.parse("id:long,amount:double");

    @Test
    void shouldKeepDropRetypeAndRenameByParams() {
        assertThat(infer(SchemaRule.sameAs("left").keep(ColumnOp.Cols.param(COLUMNS)),
                Map.of("columns", List.of("city", "id")))).contains(TableSpec.parse("city:string,id:long"));
        assertThat(infer(SchemaRule.sameAs("left").drop(ColumnOp.Cols.of("age")), Map.of()))
                .contains(TableSpec.parse("id:long,city:string"));
        assertThat(infer(SchemaRule.sameAs("left").retype(ColumnOp.Cols.param(COLUMNS), ColumnOp.Type.param(TYPE)),
                Map.of("columns", List.of("age")))).contains(TableSpec.parse("id:long,age:double,city:string"));
        assertThat(infer(SchemaRule.sameAs("left").then(new ColumnOp.Rename(ColumnOp.Name.of("city"),
                ColumnOp.Name.param(NAME))), Map.of("name", "town")))
                .contains(TableSpec.parse("id:long,age:integer,town:string"));
    }

    @Test
    void shouldAddOneColumnOrOnePerColumn() {
        assertThat(infer(SchemaRule.sameAs("left").add(ColumnOp.Name.param(NAME), ColumnOp.Type.of(DataType.VECTOR)),
                Map.of("name", "features"))).contains(TableSpec.parse("id:long,age:integer,city:string,"
                        + "features:vector"));
        assertThat(infer(SchemaRule.sameAs("left").then(new ColumnOp.AddEach(ColumnOp.Cols.param(COLUMNS),
                "{column}_index", ColumnOp.Type.of(DataType.DOUBLE))), Map.of("columns", List.of("city"))))
                .contains(TableSpec.parse("id:long,age:integer,city:string,city_index:double"));
    }

    @Test
    void shouldAddAsManyNumberedColumnsAsACountParamSays() {
        SchemaRule.Table generated = SchemaRule.newTable().addSeries("x", COUNT, ColumnOp.Type.of(DataType.DOUBLE))
                .add(ColumnOp.Name.of("label"), ColumnOp.Type.of(DataType.STRING));

        assertThat(infer(generated, Map.of("count", 3))).contains(TableSpec.parse("x0:double,x1:double,x2:double,"
                + "label:string"));
        assertThat(infer(generated, Map.of("count", 0))).contains(TableSpec.parse("label:string"));
        assertThat(infer(generated, Map.of())).isEmpty();
    }

    @Test
    void shouldAppendAnotherInputRenamingClashes() {
        assertThat(infer(SchemaRule.sameAs("left").then(new ColumnOp.AppendPort("right", "_right")), Map.of()))
                .contains(TableSpec.parse("id:long,age:integer,city:string,id_right:long,amount:double"));
    }

    @Test
    void shouldAppendTheColumnsAModelReadsWithTheirTrainingTypes() {
        Port model = Port.input("model", PortType.MODEL, T);
        ComponentDescriptor component = ComponentDescriptor.builder("keyed").category(Category.RECOMMENDATION)
                .title("K", "键").description("d", "描").inputs(model)
                .outputs(Port.output("out", PortType.TABLE, T, SchemaRule.newTable().appendModelFeatures("model")
                        .add(ColumnOp.Name.of("score"), ColumnOp.Type.of(DataType.DOUBLE))))
                .build();
        ModelSpec recommender = new ModelSpec("als", null, List.of(ColumnSpec.of("member", DataType.INTEGER),
                ColumnSpec.of("bill", DataType.STRING)), List.of(ColumnSpec.of("prediction", DataType.DOUBLE)));
        Map<String, PortSpec> inputs = Map.of("model", recommender);

        assertThat(component.inferOutputs(component.bind(Map.of(), inputs).params(), inputs))
                .containsEntry("out", TableSpec.parse("member:integer,bill:string,score:double"));
    }

    @Test
    void shouldBeUnknownWhileANameParamIsBlank() {
        assertThat(infer(SchemaRule.sameAs("left").add(ColumnOp.Name.param(NAME), ColumnOp.Type.of(DataType.DOUBLE)),
                Map.of())).isEmpty();
    }

    @Test
    void shouldRenameSeveralColumnsFromOneTextParamAndBeUnknownWhileItDoesNotParse() {
        SchemaRule rule = SchemaRule.sameAs("left").renameEach(NAME);

        assertThat(infer(rule, Map.of("name", "city = town, age=years")))
                .contains(TableSpec.parse("id:long,years:integer,town:string"));
        assertThat(infer(rule, Map.of())).contains(PEOPLE);
        assertThat(infer(rule, Map.of("name", "city"))).isEmpty();
    }

    @Test
    void shouldKeepTheColumnsOfSeveralParamsRetypedByAChoice() {
        Param<String> function = Param.choice("type", T, Param.option("count", T), Param.option("mean", T));
        SchemaRule rule = SchemaRule.sameAs("left")
                .retype(ColumnOp.Cols.of("age"), ColumnOp.Type.byChoice(function,
                        Map.of("count", DataType.LONG, "mean", DataType.DOUBLE)))
                .keep(ColumnOp.Cols.params(COLUMNS, NAME));

        assertThat(infer(rule, Map.of("columns", List.of("city"), "name", "age", "type", "double")))
                .isEmpty(); // "double" is no function the choice maps
        assertThat(inferWithFunction(rule, function, Map.of("columns", List.of("city"), "name", "age",
                "type", "count"))).contains(TableSpec.parse("city:string,age:long"));
    }

    @Test
    void shouldStayUnknownForATableKnownOnlyAfterTheRun() {
        assertThat(infer(SchemaRule.unknownTable(), Map.of())).isEmpty();
    }

    @Test
    void shouldSurviveTheCatalogJson() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        SchemaRule rule = SchemaRule.sameAs("left").keep(ColumnOp.Cols.param(COLUMNS))
                .then(new ColumnOp.AddEach(ColumnOp.Cols.of("city"), "{column}_x", null))
                .then(new ColumnOp.AppendPort("right", "_r"))
                .then(new ColumnOp.AppendModelFeatures("model"))
                .renameEach(NAME)
                .keep(ColumnOp.Cols.params(COLUMNS, NAME))
                .retype(ColumnOp.Cols.of("age"), ColumnOp.Type.byChoice(TYPE, Map.of("double", DataType.DOUBLE)))
                .then(new ColumnOp.Unknown());

        assertThat(json.readValue(json.writeValueAsString(rule), SchemaRule.class)).isEqualTo(rule);
    }

    private static Optional<PortSpec> infer(SchemaRule rule, Map<String, Object> params) {
        return inferWithFunction(rule, TYPE, params);
    }

    private static Optional<PortSpec> inferWithFunction(SchemaRule rule, Param<String> type,
            Map<String, Object> params) {
        ComponentDescriptor component = ComponentDescriptor.builder("shape").category(Category.PREPROCESSING)
                .title("S", "形").description("d", "描").inputs(LEFT, RIGHT.asOptional())
                .outputs(Port.output("out", PortType.TABLE, T, rule))
                .params(COLUMNS, NAME, type, COUNT)
                .build();
        Map<String, PortSpec> inputs = Map.of("left", PEOPLE, "right", ORDERS);
        return Optional.ofNullable(component.inferOutputs(component.bind(params, inputs).params(), inputs)
                .get("out"));
    }
}
