package io.easel.server.deployment.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dmg.pmml.VisitorAction;
import org.dmg.pmml.tree.Node;
import org.dmg.pmml.tree.TreeModel;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.model.visitors.AbstractVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiled scoring against JPMML-Evaluator's interpreter, on models Easel's learners trained on the bundled datasets
 * (see {@code models/compiled/README.md}), scoring every dataset row, and the rows again with missing values and
 * unseen categories.
 */
class CompiledScorerTest {

    static Stream<ScoringFixture> treeModels() {
        return Stream.of(
                new ScoringFixture("compiled/breast-cancer-gbdt", "breast_cancer"),
                new ScoringFixture("compiled/credit-random-forest", "credit_g"),
                new ScoringFixture("compiled/iris-decision-tree", "iris"),
                new ScoringFixture("compiled/iris-random-forest", "iris"),
                new ScoringFixture("compiled/diabetes-gbt-regressor", "diabetes"),
                new ScoringFixture("compiled/diabetes-random-forest", "diabetes"),
                new ScoringFixture("compiled/diabetes-decision-tree", "diabetes"),
                new ScoringFixture("credit-gbdt", "credit_g"),
                new ScoringFixture("credit-gbdt-filled", "credit_g"),
                new ScoringFixture("credit-gbdt-strict", "credit_g"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treeModels")
    void shouldAnswerEveryRecordAsTheInterpreterDoes(ScoringFixture fixture) throws Exception {
        Evaluator evaluator = fixture.evaluator();
        CompiledScorer compiled = CompiledScorer.compile(evaluator);
        List<Map<String, FieldValue>> records = fixture.records(evaluator);

        Verification verification = Verification.of(new InterpretedScorer(evaluator), compiled, records);

        assertThat(verification.mismatch()).isNull();
        assertThat(verification.records()).isEqualTo(records.size()).isGreaterThan(fixture.rows(evaluator).size());
        // every row as the dataset holds it is answered by the compiled trees, not handed to the interpreter
        for (Map<String, Object> row : fixture.rows(evaluator)) {
            if (!row.containsValue(null)) {
                assertThat(compiled.score(ScoringFixture.prepared(evaluator, row).orElseThrow())).as("%s", row)
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treeModels")
    void shouldBeChosenWhenTheModelIsLoaded(ScoringFixture fixture) {
        Evaluator evaluator = fixture.evaluator();

        RecordScorer chosen = CompiledScoring.scorerFor(evaluator, fixture.model());

        assertThat(chosen).isNotInstanceOf(InterpretedScorer.class);
        Map<String, FieldValue> record = fixture.records(evaluator).getFirst();
        assertThat(Verification.difference(new InterpretedScorer(evaluator).score(record), chosen.score(record)))
                .isNull();
    }

    @Test
    void shouldCompileTheHundredTreesOfTheBreastCancerGbdt() throws Exception {
        CompiledScorer compiled = CompiledScorer.compile(
                new ScoringFixture("compiled/breast-cancer-gbdt", "breast_cancer").evaluator());

        assertThat(compiled.trees()).isEqualTo(100);
    }

    @Test
    void shouldLeaveALogisticRegressionToTheInterpreter() {
        Evaluator evaluator = new ScoringFixture("compiled/credit-logistic-regression", "credit_g").evaluator();

        assertThatThrownBy(() -> CompiledScorer.compile(evaluator)).isInstanceOf(NotCompilableException.class)
                .hasMessageContaining("RegressionModel is not a tree model");
        assertThat(CompiledScoring.scorerFor(evaluator, "credit-logistic-regression"))
                .isInstanceOf(InterpretedScorer.class);
    }

    @Test
    void shouldCatchACompiledModelWhoseTreeWasAltered() throws Exception {
        ScoringFixture fixture = new ScoringFixture("credit-gbdt-filled", "credit_g");
        Evaluator evaluator = fixture.evaluator();
        Evaluator altered = fixture.evaluator();
        for (Node node : nodesOfTheFirstTree(altered)) {
            node.setScore(Double.parseDouble(String.valueOf(node.getScore())) + 0.01);
        }

        Verification verification = Verification.of(new InterpretedScorer(evaluator),
                CompiledScorer.compile(altered), VerificationRecords.synthesise(evaluator, 500, 1));

        assertThat(verification.passed()).isFalse();
        assertThat(verification.mismatch()).contains("interpreter Prediction[prediction=");
    }

    @Test
    void shouldCatchACompiledAnswerOffByMoreThanTheTolerance() throws Exception {
        ScoringFixture fixture = new ScoringFixture("compiled/diabetes-gbt-regressor", "diabetes");
        Evaluator evaluator = fixture.evaluator();
        CompiledScorer compiled = CompiledScorer.compile(evaluator);
        RecordScorer offByALittle = arguments -> {
            Prediction right = compiled.score(arguments);
            return right == null ? null : new Prediction((Double) right.prediction() + 1e-11, null, null);
        };

        Verification verification = Verification.of(new InterpretedScorer(evaluator), offByALittle,
                fixture.records(evaluator));

        assertThat(verification.passed()).isFalse();
        assertThat(verification.records()).isEqualTo(1);
    }

    @Test
    void shouldSynthesiseRecordsWithMissingValuesUnseenCategoriesAndBothSidesOfSplits() {
        Evaluator evaluator = new ScoringFixture("credit-gbdt", "credit_g").evaluator();

        List<Map<String, FieldValue>> records = VerificationRecords.synthesise(evaluator, 500, 7);

        assertThat(records).hasSize(500);
        assertThat(records).anyMatch(record -> record.values().stream()
                .anyMatch(value -> value == null || value.getValue() == null));
        // credit-gbdt scores an unseen category as its own "__unknown"
        assertThat(records).anyMatch(record -> record.values().stream()
                .anyMatch(value -> value != null && "__unknown".equals(value.getValue())));
        Map<Object, Long> ages = new LinkedHashMap<>();
        records.forEach(record -> {
            FieldValue age = record.get("age");
            if (age != null && age.getValue() != null) {
                ages.merge(age.getValue(), 1L, Long::sum);
            }
        });
        assertThat(ages).hasSizeGreaterThan(10);
    }

    private static List<Node> nodesOfTheFirstTree(Evaluator evaluator) {
        List<Node> nodes = new ArrayList<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(TreeModel tree) {
                new AbstractVisitor() {
                    @Override
                    public VisitorAction visit(Node node) {
                        if (node.getScore() != null) {
                            nodes.add(node);
                        }
                        return super.visit(node);
                    }
                }.applyTo(tree);
                return VisitorAction.TERMINATE;
            }
        }.applyTo(((HasPMML) evaluator).getPMML());
        return nodes;
    }
}
