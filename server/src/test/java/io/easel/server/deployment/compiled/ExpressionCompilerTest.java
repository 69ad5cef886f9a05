package io.easel.server.deployment.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feature steps' expressions (MapValues, equal, arithmetic) against the interpreter on every combination of
 * known, unseen and missing inputs, each as the derived field of a one-tree model that sends its missing, low and high
 * values to different leaves.
 */
class ExpressionCompilerTest {

    /** The score of the model's leaf for a missing derived value. */
    private static final double MISSING_LEAF = -1;

    private static final String MAPPED = """
            <MapValues outputColumn="out" dataType="double" %s>
                <FieldColumnPair field="x" column="in"/>
                <InlineTable>
                    <row><in>a</in><out>0</out></row>
                    <row><in>b</in><out>1</out></row>
                </InlineTable>
            </MapValues>""";
    private static final String ONE_HOT = """
            <Apply function="if">
                <Apply function="equal"><FieldRef field="x"/><Constant dataType="string">a</Constant></Apply>
                <Constant dataType="double">1</Constant>
                <Constant dataType="double">0</Constant>
            </Apply>""";

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("MapValues with mapMissingTo and defaultValue",
                        MAPPED.formatted("mapMissingTo=\"5\" defaultValue=\"0.25\"")),
                Arguments.of("MapValues without them: missing", MAPPED.formatted("")),
                Arguments.of("one-hot flag", ONE_HOT),
                Arguments.of("notEqual on integers", """
                        <Apply function="if">
                            <Apply function="notEqual"><FieldRef field="n"/><Constant dataType="integer">1</Constant>
                            </Apply>
                            <FieldRef field="d"/>
                            <Constant dataType="double">0</Constant>
                        </Apply>"""),
                Arguments.of("standard scaling", """
                        <Apply function="*">
                            <Apply function="-"><FieldRef field="n"/><Constant dataType="double">2.5</Constant></Apply>
                            <Constant dataType="double">0.5</Constant>
                        </Apply>"""),
                Arguments.of("sum of a double and an integer",
                        "<Apply function=\"+\"><FieldRef field=\"d\"/><FieldRef field=\"n\"/></Apply>"),
                Arguments.of("division by a constant",
                        "<Apply function=\"/\"><FieldRef field=\"d\"/><Constant dataType=\"double\">4</Constant>"
                                + "</Apply>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void shouldAnswerAsTheInterpreterOnKnownUnseenAndMissingValues(String name, String expression)
            throws Exception {
        Evaluator evaluator = evaluator(expression);
        RecordScorer interpreter = new InterpretedScorer(evaluator);
        CompiledScorer compiled = CompiledScorer.compile(evaluator);
        List<Map<String, FieldValue>> records = everyCombination(evaluator);

        int answered = 0;
        for (Map<String, FieldValue> record : records) {
            Prediction candidate = compiled.score(record);
            if (candidate != null) {
                answered++;
                assertThat(Verification.difference(interpreter.score(record), candidate)).as("%s", record)
                        .isNull();
            }
        }
        assertThat(answered).isGreaterThan(records.size() / 2);
    }

    @Test
    void shouldLeaveAnEqualOfAMissingValueToTheInterpreterWhichRefusesIt() throws Exception {
        Evaluator evaluator = evaluator(ONE_HOT);
        Map<String, FieldValue> missingText = record(evaluator, null, 1, 0.5);

        assertThat(CompiledScorer.compile(evaluator).score(missingText)).isNull();
        assertThatThrownBy(() -> new InterpretedScorer(evaluator).score(missingText))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void shouldScoreArithmeticOfAMissingValueAsMissing() throws Exception {
        Evaluator evaluator = evaluator("<Apply function=\"+\"><FieldRef field=\"d\"/><FieldRef field=\"n\"/></Apply>");

        Prediction prediction = CompiledScorer.compile(evaluator).score(record(evaluator, "a", null, 0.5));

        assertThat(prediction.prediction()).isEqualTo(MISSING_LEAF);
    }

    @Test
    void shouldLeaveIntegerArithmeticAndDivisionByAComputedValueToTheInterpreter() {
        assertThatThrownBy(() -> CompiledScorer.compile(evaluator(
                "<Apply function=\"-\"><FieldRef field=\"n\"/><Constant dataType=\"integer\">2</Constant></Apply>")))
                .isInstanceOf(NotCompilableException.class).hasMessage("- of two integers");
        assertThatThrownBy(() -> CompiledScorer.compile(evaluator(
                "<Apply function=\"/\"><FieldRef field=\"d\"/><FieldRef field=\"d\"/></Apply>")))
                .isInstanceOf(NotCompilableException.class).hasMessage("division by a computed value");
    }

    private static Evaluator evaluator(String expression) throws Exception {
        String pmml = """
                <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
                    <Header/>
                    <DataDictionary>
                        <DataField name="x" optype="categorical" dataType="string"/>
                        <DataField name="n" optype="continuous" dataType="integer"/>
                        <DataField name="d" optype="continuous" dataType="double"/>
                        <DataField name="y" optype="continuous" dataType="double"/>
                    </DataDictionary>
                    <TransformationDictionary>
                        <DerivedField name="computed" optype="continuous" dataType="double">%s</DerivedField>
                    </TransformationDictionary>
                    <TreeModel functionName="regression" missingValueStrategy="none">
                        <MiningSchema>
                            <MiningField name="y" usageType="target"/>
                            <MiningField name="x"/>
                            <MiningField name="n"/>
                            <MiningField name="d"/>
                        </MiningSchema>
                        <Node>
                            <True/>
                            <Node score="%s"><SimplePredicate field="computed" operator="isMissing"/></Node>
                            <Node score="1">
                                <SimplePredicate field="computed" operator="lessOrEqual" value="0.5"/>
                            </Node>
                            <Node score="2"><True/></Node>
                        </Node>
                    </TreeModel>
                </PMML>""".formatted(expression, MISSING_LEAF);
        Evaluator evaluator = new LoadingModelEvaluatorBuilder()
                .load(new ByteArrayInputStream(pmml.getBytes(StandardCharsets.UTF_8))).build();
        evaluator.verify();
        return evaluator;
    }

    /** Known, unseen and missing texts; integers and doubles around the tree's split; missing numbers. */
    private static List<Map<String, FieldValue>> everyCombination(Evaluator evaluator) {
        List<Map<String, FieldValue>> records = new ArrayList<>();
        for (String x : Arrays.asList("a", "b", "c", null)) {
            for (Integer n : Arrays.asList(0, 1, 3, null)) {
                for (Double d : Arrays.asList(0.25, 0.5, 1.5, 2.5, null)) {
                    records.add(record(evaluator, x, n, d));
                }
            }
        }
        return records;
    }

    private static Map<String, FieldValue> record(Evaluator evaluator, String x, Integer n, Double d) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("x", x);
        raw.put("n", n);
        raw.put("d", d);
        Map<String, FieldValue> record = new LinkedHashMap<>();
        for (InputField input : evaluator.getInputFields()) {
            record.put(input.getName(), input.prepare(raw.get(input.getName())));
        }
        return record;
    }
}
