package io.easel.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.BoundParams;
import io.easel.component.Port;
import io.easel.components.ComponentRegistry;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.engine.SharedSpark;
import io.easel.run.DataRoots;
import io.easel.run.ParityReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jpmml.sparkml.PMMLBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parity check on models the built-in learners train on credit_g (text and whole-number inputs): a faithful
 * PMML agrees, a PMML with one number changed is flagged, and rows Spark refuses are counted apart.
 */
class ParityCheckTest {

    private static final Map<String, Object> LEARNER_PARAMS = Map.of("labelColumn", "class",
            "featureColumns", List.of("duration", "credit_amount", "purpose", "checking_status"));

    private static Dataset<Row> credit;
    private static ModelData logistic;
    private static ModelData gbdt;

    @BeforeAll
    static void train() throws Exception {
        credit = run("sample-dataset", Map.of("dataset", "credit_g"), Map.of()).table;
        logistic = run("logistic-regression", LEARNER_PARAMS, Map.of("in", new TableData(credit,
                FeatureLineage.source(credit.schema())))).model;
        gbdt = run("gbdt-classifier", withMaxIter(LEARNER_PARAMS), Map.of("in", new TableData(credit,
                FeatureLineage.source(credit.schema())))).model;
    }

    @Test
    void shouldFindThatTheExportedPmmlAgreesWithSpark() {
        for (ModelData model : List.of(logistic, gbdt)) {
            ParityReport report = new ParityCheck(pmml(model), model.scoringPipelineFromRaw(), model)
                    .against(credit);

            assertThat(report.checked()).as(report.summary()).isTrue();
            assertThat(report.flagged()).as(report.summary()).isFalse();
            assertThat(report.maxDifference()).isLessThan(ParityReport.TOLERANCE);
            assertThat(report.labelMismatches()).isZero();
            // 200 sampled rows, and for 20 of them one copy with an input missing, one with an unseen category
            assertThat(report.perturbedRows()).isEqualTo(40);
            assertThat(report.refusedBySpark()).isZero();
            assertThat(report.rowsCompared()).isEqualTo(240);
            assertThat(report.summary()).startsWith("PMML agrees with Spark on 240 rows (max difference ");
        }
    }

    @Test
    void shouldFlagAPmmlWithAChangedCoefficient() {
        String xml = new String(pmml(logistic), StandardCharsets.UTF_8);
        Matcher intercept = Pattern.compile("intercept=\"([^\"]+)\"").matcher(xml);
        assertThat(intercept.find()).as("the logistic regression's PMML has an intercept").isTrue();
        String broken = xml.substring(0, intercept.start(1))
                + (Double.parseDouble(intercept.group(1)) + 0.5) + xml.substring(intercept.end(1));

        ParityReport report = new ParityCheck(broken.getBytes(StandardCharsets.UTF_8),
                logistic.scoringPipelineFromRaw(), logistic).against(credit);

        assertThat(report.flagged()).as(report.summary()).isTrue();
        assertThat(report.maxDifference()).isGreaterThan(0.01);
        assertThat(report.summary()).startsWith("PMML disagrees with Spark on 240 rows: ");
    }

    @Test
    void shouldCountRowsSparkRefusesApartFromDisagreements() {
        // A feature step that fails on values it has not seen, as a Spark StringIndexer does by default.
        StringIndexerModel strict = new StringIndexer().setInputCol("purpose").setOutputCol("__easel_strict_purpose")
                .setHandleInvalid("error").fit(credit);
        List<Transformer> steps = new ArrayList<>(List.of(strict));
        ModelData model = new ModelData(logistic.spec(), new FeatureLineage(credit.schema(), steps),
                logistic.pipeline(), logistic.labels(), logistic.metrics());

        ParityReport report = new ParityCheck(pmml(model), model.scoringPipelineFromRaw(), model).against(credit);

        assertThat(report.checked()).as(report.summary()).isTrue();
        // Among the 40 perturbed rows, at least those with an unseen purpose, or with none, are refused
        assertThat(report.refusedBySpark()).isPositive();
        assertThat(report.rowsCompared() + report.refusedBySpark()).isEqualTo(240);
        assertThat(report.flagged()).as(report.summary()).isFalse();
        assertThat(report.summary()).contains("Spark refused " + report.refusedBySpark() + " row");
    }

    @Test
    void shouldReportNotCheckedRatherThanThrow() {
        ParityReport report = new ParityCheck("not PMML".getBytes(StandardCharsets.UTF_8),
                logistic.scoringPipelineFromRaw(), logistic).against(credit);

        assertThat(report.checked()).isFalse();
        assertThat(report.flagged()).isFalse();
        assertThat(report.summary()).startsWith("Not checked: ");
    }

    /** As the exporter converts: the raw schema (which has the label here) and the scoring pipeline from raw. */
    private static byte[] pmml(ModelData model) {
        return new PMMLBuilder(model.lineage().rawSchema(), model.scoringPipelineFromRaw()).buildByteArray();
    }

    private static Map<String, Object> withMaxIter(Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("maxIter", 10);
        return all;
    }

    private static Outputs run(String componentId, Map<String, Object> params, Map<String, Object> inputs)
            throws Exception {
        SparkComponent component = ComponentRegistry.load().byId(componentId);
        Outputs outputs = new Outputs(inputs, InputSpecs.bind(component.descriptor(), params, inputs));
        component.execute(outputs);
        return outputs;
    }

    /** A component's surroundings as the engine gives them, keeping its one table or model output. */
    private static final class Outputs implements ExecutionContext {

        private final Map<String, Object> inputs;
        private final BoundParams params;
        private Dataset<Row> table;
        private ModelData model;

        Outputs(Map<String, Object> inputs, BoundParams params) {
            this.inputs = inputs;
            this.params = params;
        }

        @Override
        public SparkSession spark() {
            return SharedSpark.session();
        }

        @Override
        public String nodeId() {
            return "node";
        }

        @Override
        public BoundParams params() {
            return params;
        }

        @Override
        public DataAccess data() {
            return new DataAccess(DataRoots.of(List.of(), null));
        }

        @Override
        public TableData table(Port input) {
            return (TableData) inputs.get(input.name());
        }

        @Override
        public ModelData model(Port input) {
            return (ModelData) inputs.get(input.name());
        }

        @Override
        public void output(Port port, TableData data) {
            table = data.rows();
        }

        @Override
        public void output(Port port, ModelData data) {
            model = data;
        }

        @Override
        public void output(Port port, ReportData report) {}
    }
}
