package io.easel.components.builtin.regression;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Survival data from diabetes: progression read as the time until an event, observed in a study that stopped
 * following patients at time {@value #FOLLOW_UP}. Patients whose progression exceeds it are censored there: their
 * time is {@value #FOLLOW_UP} and their event column 0, i.e. "no event yet by the end of follow-up" (administrative,
 * type I censoring): about a quarter of the patients.
 */
class SurvivalRegressorTest {

    private static final int FOLLOW_UP = 200;
    private static final List<String> MEASUREMENTS = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5",
            "s6");

    @Test
    void shouldLearnFromCensoredTimesWhatTreatingThemAsEventsMisses() {
        TableData censored = study();

        ModelData aware = survival(censored, Map.of("censorColumn", "event", "quantilesOutput", true,
                "quantileProbabilities", "0.5"));
        ModelData naive = survival(censored, Map.of("featureColumns", MEASUREMENTS, "quantilesOutput", true,
                "quantileProbabilities", "0.5"));

        assertThat(aware.spec().features()).extracting(ColumnSpec::name).as("the event column is no feature")
                .containsExactlyElementsOf(MEASUREMENTS);
        // Treating the censored times as events biases predicted times down: here 60% of the held-back patients
        // progressed beyond the median the naive model predicted for them, but 47% beyond the censoring-aware one's
        double awareShare = shareOutlivingTheMedian(aware);
        assertThat(awareShare).isBetween(0.35, 0.65);
        assertThat(Math.abs(awareShare - 0.5)).isLessThan(Math.abs(shareOutlivingTheMedian(naive) - 0.5));
        assertThat(meanPrediction(aware)).isGreaterThan(meanPrediction(naive));
        // correlation with the held-back progression reached 0.66
        assertThat(HeldBackDiabetes.correlation(aware)).isGreaterThan(0.5);
    }

    @Test
    void shouldAppendTimeQuantilesWhenAsked() {
        ModelData model = survival(study(), Map.of("censorColumn", "event", "quantilesOutput", true,
                "quantileProbabilities", "0.1, 0.5,0.9"));
        ModelData plain = survival(study(), Map.of("censorColumn", "event"));

        assertThat(model.spec().outputs()).containsExactly(ColumnSpec.of("prediction", DataType.DOUBLE),
                ColumnSpec.of("quantiles", DataType.VECTOR));
        assertThat(plain.spec().outputs()).containsExactly(ColumnSpec.of("prediction", DataType.DOUBLE));
        for (Row row : HeldBackDiabetes.scored(model).limit(20).collectAsList()) {
            double[] quantiles = row.<Vector>getAs("quantiles").toArray();
            assertThat(quantiles).hasSize(3).isSorted();
            assertThat(quantiles[0]).isPositive();
        }
        assertThat(TestRun.REGISTRY.byId("survival-regression").descriptor().outputs().getFirst().exportsPmml())
                .isFalse();
    }

    @Test
    void shouldRefuseTimesThatAreNotPositive() {
        TableData table = Tables.of("x:double,time:double", new Object[] {1.0, 3.0}, new Object[] {2.0, 0.0},
                new Object[] {3.0, 5.0});

        assertThatThrownBy(() -> survival(table, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("survival regression needs labels > 0, but label column 'time' has 1 other "
                        + "value");
    }

    @Test
    void shouldRefuseAnEventColumnOtherThanZeroOrOne() {
        TableData table = Tables.of("x:double,time:double,event:integer", new Object[] {1.0, 3.0, 1},
                new Object[] {2.0, 4.0, 2}, new Object[] {3.0, 5.0, 0});

        assertThatThrownBy(() -> survival(table, Map.of("censorColumn", "event")))
                .hasMessage("survival-regression: event column 'event' (param 'censorColumn') holds 1 value other "
                        + "than 1 (event happened) and 0 (censored); recode it to 1 and 0");
    }

    @Test
    void shouldRefuseQuantileProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> survival(study(), Map.of("quantilesOutput", true,
                "quantileProbabilities", "0.5,1")))
                .hasMessageContaining("param 'quantileProbabilities' lists '1', which is not a probability strictly "
                        + "between 0 and 1");
    }

    /** The training part as the study saw it: the time until the event or the end of follow-up, and whether the
     * event happened; the uncensored progression is not known. */
    private static TableData study() {
        TableData train = HeldBackDiabetes.train();
        return train.withRows(train.rows()
                .withColumn("event", when(col("progression").gt(FOLLOW_UP), 0).otherwise(1))
                .withColumn("time", least(col("progression"), lit(FOLLOW_UP).cast("double")))
                .drop("progression"));
    }

    /** The share of held-back patients whose progression exceeds the median time the model predicts for them. */
    private static double shareOutlivingTheMedian(ModelData model) {
        List<Row> rows = HeldBackDiabetes.scored(model).collectAsList();
        long outliving = rows.stream().filter(r -> r.<Double>getAs("progression")
                > r.<Vector>getAs("quantiles").apply(0)).count();
        return (double) outliving / rows.size();
    }

    private static double meanPrediction(ModelData model) {
        return HeldBackDiabetes.scored(model).agg(avg("prediction")).first().getDouble(0);
    }

    private static ModelData survival(TableData data, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("labelColumn", "time"));
        all.putAll(params);
        return (ModelData) TestRun.execute("survival-regression", all, Map.of("in", data)).get("model");
    }
}
