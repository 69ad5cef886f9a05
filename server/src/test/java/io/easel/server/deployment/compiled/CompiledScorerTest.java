package io.easel.server.deployment.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ComponentDescriptor;
import io.easel.server.catalog.CatalogService;
import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Compiled scoring against JPMML-Evaluator's interpreter, on a model of every learner of the catalog whose model
 * exports to PMML, trained on the bundled datasets (see {@code models/compiled/README.md}), scoring every dataset
 * row, and the rows again with missing values and unseen categories.
 */
class CompiledScorerTest {

    /** The learners whose models the compiler translates; the interpreter scores every other learner's. */
    private static final Set<String> COMPILED_LEARNERS = Set.of("decision-tree-classifier",
            "random-forest-classifier", "gbdt-classifier", "decision-tree-regressor", "random-forest-regressor",
            "gbt-regressor");
    /** Tree models behind feature steps: indexed (MapValues), one-hot (equal) and scaled (arithmetic) inputs. */
    private static final List<String> TREES_BEHIND_FEATURE_STEPS = List.of("compiled/credit-indexed-random-forest",
            "compiled/credit-indexed-gbdt", "compiled/credit-indexed-decision-tree",
            "compiled/diabetes-scaled-gbt-regressor");

    /** Every fixture, the catalog's learners and the credit_g GBDTs exported with each missing-value treatment. */
    static Stream<ScoringFixture> models() {
        return Stream.concat(ScoringFixture.ofCatalogLearners().stream(), creditGbdts());
    }

    static Stream<ScoringFixture> treeModels() {
        return Stream.concat(ScoringFixture.ofCatalogLearners().stream().filter(CompiledScorerTest::compiles),
                creditGbdts());
    }

    static Stream<ScoringFixture> interpretedModels() {
        return ScoringFixture.ofCatalogLearners().stream().filter(fixture -> !compiles(fixture));
    }

    private static boolean compiles(ScoringFixture fixture) {
        return COMPILED_LEARNERS.contains(fixture.learner());
    }

    static Stream<ScoringFixture> treesBehindFeatureSteps() {
        List<ScoringFixture> fixtures = ScoringFixture.ofCatalogLearners();
        return TREES_BEHIND_FEATURE_STEPS.stream().map(model -> fixtures.stream()
                .filter(fixture -> fixture.model().equals(model)).findFirst().orElseThrow());
    }

    private static Stream<ScoringFixture> creditGbdts() {
        return Stream.of(new ScoringFixture("credit-gbdt", "credit_g"),
                new ScoringFixture("credit-gbdt-filled", "credit_g"),
                new ScoringFixture("credit-gbdt-strict", "credit_g"));
    }

    @Test
    void shouldHaveAFixtureForEveryLearnerWhoseModelExportsToPmml() {
        Set<String> exportable = new TreeSet<>();
        for (ComponentDescriptor component : new CatalogService().catalog().components()) {
            if (!component.pmmlPorts().isEmpty()) {
                exportable.add(component.id());
            }
        }
        Set<String> trained = new TreeSet<>();
        ScoringFixture.ofCatalogLearners().forEach(fixture -> trained.add(fixture.learner()));

        assertThat(trained).as("learners with a fixture in models/compiled (add one to ScoringFixtures)")
                .isEqualTo(exportable).containsAll(COMPILED_LEARNERS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldScoreEveryRecordAsTheInterpreterDoesWhateverScorerIsChosen(ScoringFixture fixture) {
        Evaluator evaluator = fixture.evaluator();
        RecordScorer interpreter = new InterpretedScorer(evaluator);
        RecordScorer chosen = CompiledScoring.scorerFor(evaluator, fixture.model());
        List<Map<String, FieldValue>> records = fixture.records(evaluator);
        int answered = 0;

        for (Map<String, FieldValue> record : records) {
            Object expected = outcome(interpreter, record);
            Object actual = outcome(chosen, record);
            if (expected instanceof Prediction reference && actual instanceof Prediction candidate) {
                assertThat(Verification.difference(reference, candidate)).as("%s", record).isNull();
                answered++;
            } else {
                // a record the interpreter cannot score (a tree meeting a missing value it has no branch for)
                assertThat(actual).as("%s", record).isEqualTo(expected);
            }
        }
        assertThat(records).hasSizeGreaterThan(fixture.rows(evaluator).size());
        assertThat(answered).as("records answered").isGreaterThanOrEqualTo(fixture.rows(evaluator).size());
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("interpretedModels")
    void shouldLeaveModelsOtherThanTreeModelsToTheInterpreter(ScoringFixture fixture) {
        Evaluator evaluator = fixture.evaluator();

        assertThatThrownBy(() -> CompiledScorer.compile(evaluator)).isInstanceOf(NotCompilableException.class);
        assertThat(CompiledScoring.scorerFor(evaluator, fixture.model())).isInstanceOf(InterpretedScorer.class);
    }

    @Test
    void shouldCompileTheHundredTreesOfTheBreastCancerGbdt() throws Exception {
        CompiledScorer compiled = CompiledScorer.compile(
                new ScoringFixture("compiled/breast-cancer-gbdt", "breast_cancer").evaluator());

        assertThat(compiled.trees()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treesBehindFeatureSteps")
    void shouldCompileTreesBehindIndexedOneHotAndScaledInputs(ScoringFixture fixture) throws Exception {
        Evaluator evaluator = fixture.evaluator();
        CompiledScorer compiled = CompiledScorer.compile(evaluator);

        Verification verification = Verification.of(new InterpretedScorer(evaluator), compiled,
                VerificationRecords.synthesise(evaluator, CompiledScoring.VERIFICATION_RECORDS, 3));

        assertThat(verification.mismatch()).isNull();
        assertThat(verification.compiledAnswers()).isGreaterThan(CompiledScoring.VERIFICATION_RECORDS / 2);
    }

    @Test
    void shouldVerifyIndexedInputsOnTheCategoriesTheModelMaps() {
        Evaluator evaluator = new ScoringFixture("compiled/credit-indexed-gbdt", "credit_g").evaluator();

        List<Map<String, FieldValue>> records = VerificationRecords.synthesise(evaluator, 500, 7);

        // purpose has no categories in the data dictionary: the string indexer's table names them
        Set<Object> purposes = new TreeSet<>();
        records.forEach(record -> {
            FieldValue purpose = record.get("purpose");
            if (purpose != null && purpose.getValue() != null) {
                purposes.add(purpose.getValue());
            }
        });
        assertThat(purposes).contains("radio/tv", "new car", "retraining", VerificationRecords.UNSEEN);
    }

    @Test
    void shouldSayWhyALogisticRegressionIsLeftToTheInterpreter() {
        Evaluator evaluator = new ScoringFixture("compiled/credit-logistic-regression", "credit_g").evaluator();

        assertThatThrownBy(() -> CompiledScorer.compile(evaluator)).isInstanceOf(NotCompilableException.class)
                .hasMessageContaining("RegressionModel is not a tree model");
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

    /** The prediction, or why there is none. */
    private static Object outcome(RecordScorer scorer, Map<String, FieldValue> record) {
        try {
            Prediction prediction = scorer.score(record);
            return prediction != null ? prediction : "no prediction";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
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
