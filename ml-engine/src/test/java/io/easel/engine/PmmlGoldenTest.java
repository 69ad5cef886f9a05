package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.run.ModelDescription;
import io.easel.run.ParityReport;
import io.easel.run.RunEvent;
import io.easel.engine.report.EngineJson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.junit.jupiter.api.Test;

/**
 * The exported PMML scores raw records exactly as Spark scored them in the experiment: every held-out credit_g
 * customer, fed to JPMML-Evaluator with only the columns the experiment read (as a deployment receives them),
 * gets Spark's predicted class and Spark's class probabilities.
 */
class PmmlGoldenTest {

    @Test
    void shouldScoreRawRecordsLikeSparkDid() throws Exception {
        EngineRun run = CreditScoringRun.run();
        Path modelDir = run.modelStore().resolve(CreditScoringRun.RUN_ID).resolve("gbdt");
        ModelDescription model = EngineJson.mapper().readValue(modelDir.resolve("model.json").toFile(),
                ModelDescription.class);
        Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(modelDir.resolve("model.pmml").toFile())
                .build();
        evaluator.verify();
        assertThat(evaluator.getInputFields()).extracting(InputField::getName)
                .containsExactlyInAnyOrderElementsOf(model.inputs().stream().map(ColumnSpec::name).toList());

        String scoredLocation = run.output("predict", "out").location();
        List<Row> scored = SharedSpark.session().read().parquet(scoredLocation).collectAsList();
        assertThat(scored).hasSize(run.output("split", "test").rowCount().intValue());

        for (Row row : scored) {
            Map<String, Object> raw = rawRecord(row, model.inputs());
            Map<String, Object> arguments = new LinkedHashMap<>();
            for (InputField input : evaluator.getInputFields()) {
                arguments.put(input.getName(), input.prepare(raw.get(input.getName())));
            }
            Map<String, ?> result = EvaluatorUtil.decodeAll(evaluator.evaluate(arguments));

            assertThat(result.get(model.label().name())).as("predicted class of %s", raw)
                    .isEqualTo(row.getAs("prediction"));
            Vector probability = row.getAs("probability");
            for (int i = 0; i < model.classLabels().size(); i++) {
                String label = model.classLabels().get(i);
                assertThat((Double) result.get("probability(" + label + ")")).as("P(%s) of %s", label, raw)
                        .isCloseTo(probability.apply(i), within(1e-9));
            }
            assertThat((Double) result.get("probability(" + model.classLabels().getLast() + ")"))
                    .isCloseTo(row.<Double>getAs("score"), within(1e-9));
        }
    }

    @Test
    void shouldRecordThatThePmmlAgreedWithSparkAtExport() throws Exception {
        EngineRun run = CreditScoringRun.run();
        Path modelDir = run.modelStore().resolve(CreditScoringRun.RUN_ID).resolve("gbdt");
        ModelDescription model = EngineJson.mapper().readValue(modelDir.resolve("model.json").toFile(),
                ModelDescription.class);
        RunEvent.ModelExported exported = CreditScoringRun.callbackEvents().stream()
                .filter(RunEvent.ModelExported.class::isInstance).map(RunEvent.ModelExported.class::cast)
                .findFirst().orElseThrow();

        ParityReport parity = model.parity();
        assertThat(parity).isNotNull();
        assertThat(parity.checked()).as(parity.summary()).isTrue();
        // 200 of the source's records, 20 of them again with an input missing and with an unseen category
        assertThat(parity.rowsCompared()).as(parity.summary()).isEqualTo(240);
        assertThat(parity.perturbedRows()).isEqualTo(40);
        assertThat(parity.maxDifference()).isLessThan(ParityReport.TOLERANCE);
        assertThat(parity.flagged()).isFalse();
        assertThat(exported.parity()).isEqualTo(parity);
    }

    /** The record as the experiment read it: converted columns back in their raw types. */
    private static Map<String, Object> rawRecord(Row row, List<ColumnSpec> inputs) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ColumnSpec input : inputs) {
            Object value = row.getAs(input.name());
            raw.put(input.name(), switch (input.type()) {
                case INTEGER -> {
                    double d = ((Number) value).doubleValue();
                    assertThat(d).as(input.name()).isEqualTo(Math.rint(d));
                    yield (int) d;
                }
                case STRING -> (String) value;
                default -> value;
            });
        }
        return raw;
    }
}
