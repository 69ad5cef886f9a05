package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.deployment.ScoreResponse.Prediction;
import io.easel.server.deployment.compiled.CompiledScoring;
import io.easel.server.deployment.compiled.InterpretedScorer;
import io.easel.server.deployment.compiled.RecordScorer;
import io.easel.server.deployment.compiled.ScoringFixture;
import io.easel.server.deployment.compiled.Verification;
import io.easel.server.model.ModelVersionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.HasPMML;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deployed model answers the same whether compiled or interpreted, refusals included: credit_g rows as they are,
 * with a missing value and with an unseen category, under both of a deployment's unseen-category policies.
 */
class CompiledScoringModelTest {

    /** Rows of credit_g used; every row is scored by {@code CompiledScorerTest}. */
    private static final int ROWS = 300;

    @ParameterizedTest
    @ValueSource(strings = {"credit-gbdt", "credit-gbdt-filled", "credit-gbdt-strict"})
    void shouldAnswerAndRefuseRecordsAsTheInterpreterDoes(String model) {
        ScoringFixture fixture = new ScoringFixture(model, "credit_g");
        Evaluator evaluator = fixture.evaluator();
        RecordScorer chosen = CompiledScoring.scorerFor(evaluator, model);
        assertThat(chosen).isNotInstanceOf(InterpretedScorer.class);
        ScoringModel interpreted = scoringModel(evaluator, new InterpretedScorer(evaluator));
        ScoringModel compiled = scoringModel(evaluator, chosen);
        int refused = 0;

        for (UnseenCategories unseen : UnseenCategories.values()) {
            for (Map<String, Object> record : variants(fixture.rows(evaluator).subList(0, ROWS))) {
                Object expected = outcome(interpreted, record, unseen);
                Object actual = outcome(compiled, record, unseen);
                if (expected instanceof Prediction reference && actual instanceof Prediction candidate) {
                    assertThat(Verification.difference(reference, candidate)).as("%s", record).isNull();
                } else {
                    assertThat(actual).as("%s", record).isEqualTo(expected);
                    refused++;
                }
            }
        }
        assertThat(refused).as("records refused with the same status and problems").isPositive();
    }

    /** Each row as it is, with one field null, and with one text field a category never seen. */
    private static List<Map<String, Object>> variants(List<Map<String, Object>> rows) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            List<String> fields = List.copyOf(row.keySet());
            List<String> texts = fields.stream().filter(field -> row.get(field) instanceof String).toList();
            Map<String, Object> missing = new LinkedHashMap<>(row);
            missing.put(fields.get(i % fields.size()), null);
            Map<String, Object> unseen = new LinkedHashMap<>(row);
            unseen.put(texts.get(i % texts.size()), ScoringFixture.UNSEEN);
            records.addAll(List.of(row, missing, unseen));
        }
        return records;
    }

    /** The prediction, or the refusal: its status and problems. */
    private static Object outcome(ScoringModel model, Map<String, Object> record, UnseenCategories unseen) {
        try {
            List<String> warnings = new ArrayList<>();
            return model.predict(model.prepare(List.of(record), warnings, unseen).getFirst(), null);
        } catch (ScoringRequestException e) {
            return e.getStatusCode() + " " + e.problems();
        }
    }

    private static ScoringModel scoringModel(Evaluator evaluator, RecordScorer scorer) {
        ModelVersionView version = new ModelVersionView(UUID.randomUUID(), UUID.randomUUID(), "credit", 1,
                UUID.randomUUID(), "gbdt", "file:/model.pmml", List.of(), null, Map.of(), Instant.now());
        return new ScoringModel(version, evaluator, ModelCategories.of(((HasPMML) evaluator).getPMML(),
                evaluator.getInputFields()), scorer);
    }
}
