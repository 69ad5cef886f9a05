package io.easel.components.builtin.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.DataType;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Pmml;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import io.easel.components.transform.ColumnTypeCast;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type conversions recorded by type-conversion must be replayed by the exported PMML on raw records exactly as Spark
 * did them: a logistic regression reads every converted value, so any difference shows in its probabilities.
 */
class ColumnTypeCastPmmlTest {

    @Test
    void shouldScoreRawRecordsInPmmlExactlyAsSparkAfterEveryKindOfConversion() throws Exception {
        TableData raw = rawTable();
        TableData converted = convert(convert(convert(raw, List.of("a"), "integer"), List.of("b"), "double"),
                List.of("d"), "string")
                .transform(new ColumnTypeCast().setInputCols(List.of("c")).setOutputCols(List.of("c_flag"))
                        .setTargetType(DataType.BOOLEAN))
                .transform(new ColumnTypeCast().setInputCols(List.of("c_flag")).setOutputCols(List.of("c_num"))
                        .setTargetType(DataType.DOUBLE));
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("d").setOutputCol("d_idx"),
            new OneHotEncoder().setInputCol("d_idx").setOutputCol("d_vec"),
            new VectorAssembler().setInputCols(new String[] {"a", "b", "c_num", "d_vec"}).setOutputCol("features"),
            new LogisticRegression().setLabelCol("y").setFeaturesCol("features").setRegParam(0.01)
        }).fit(converted.rows());
        List<Transformer> stages = new ArrayList<>(converted.lineage().steps());
        stages.addAll(List.of(model.stages()));
        PipelineModel fromRaw = new PipelineModel("from-raw", stages.toArray(Transformer[]::new));

        Pmml pmml = Pmml.convert(raw.lineage().rawSchema(), fromRaw);

        assertThat(pmml.inputNames()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertSameProbabilities(raw, fromRaw, pmml);
    }

    /** Decimals truncated to whole numbers, then turned into text and back: PMML replays both conversions. */
    @Test
    void shouldScoreAColumnConvertedTwiceAsSparkDoes() throws Exception {
        TableData raw = rawTable();
        TableData twice = convert(convert(convert(raw, List.of("a"), "integer"), List.of("a"), "string"),
                List.of("a"), "double");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(new String[] {"a"}).setOutputCol("features"),
            new LogisticRegression().setLabelCol("y").setFeaturesCol("features").setRegParam(0.01)
        }).fit(twice.rows());
        List<Transformer> stages = new ArrayList<>(twice.lineage().steps());
        stages.addAll(List.of(model.stages()));
        PipelineModel fromRaw = new PipelineModel("twice", stages.toArray(Transformer[]::new));

        Pmml pmml = Pmml.convert(raw.lineage().rawSchema(), fromRaw);

        assertSameProbabilities(raw, fromRaw, pmml);
    }

    @Test
    void shouldSurviveSavingAndLoadingWithItsPipeline(@TempDir Path temp) throws Exception {
        TableData raw = rawTable();
        ColumnTypeCast cast = new ColumnTypeCast().setInputCols(List.of("a")).setTargetType(DataType.STRING);
        PipelineModel pipeline = new PipelineModel("p", new Transformer[] {cast});

        pipeline.write().save(temp.resolve("p").toString());
        PipelineModel loaded = PipelineModel.load(temp.resolve("p").toString());

        ColumnTypeCast read = (ColumnTypeCast) loaded.stages()[0];
        assertThat(read.getInputCols()).containsExactly("a");
        assertThat(read.getTargetType()).isEqualTo(DataType.STRING);
        assertThat(read.transform(raw.rows()).schema().apply("a").dataType().typeName()).isEqualTo("string");
    }

    /** Every raw row's probability of class 1, from Spark's pipeline and from its PMML. */
    private static void assertSameProbabilities(TableData raw, PipelineModel fromRaw, Pmml pmml) {
        List<Row> rawRows = raw.rows().orderBy("a").collectAsList();
        List<Row> sparkRows = fromRaw.transform(raw.rows()).orderBy("a").collectAsList();
        for (int i = 0; i < rawRows.size(); i++) {
            double spark = sparkRows.get(i).<Vector>getAs("probability").apply(1);
            Map<String, ?> result = pmml.score(rawRows.get(i));
            assertThat((Double) result.get("probability(1)")).as("row " + rawRows.get(i) + " scored " + result)
                    .isCloseTo(spark, within(1e-9));
        }
    }

    /** Decimals with fractions either side of zero, numbers as text, Spark's boolean words, small integers. */
    private static TableData rawTable() {
        String[] words = {"Yes", "n", " y ", "0", "T", "false", "1", "No"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            double a = i * 0.37 - 5;
            String word = words[i % words.length];
            boolean flag = List.of("yes", "y", "t", "1").contains(word.strip().toLowerCase());
            double signal = (int) a + i * 0.05 + (flag ? 1.5 : 0) + (i % 4 == 2 ? 1 : 0);
            rows.add(new Object[] {a, Double.toString(i * 1.5 / 10), word, i % 4, signal + (i % 3) * 0.8 > 2 ? 1.0 : 0.0});
        }
        return Tables.of("a:double,b:string,c:string,d:integer,y:double", rows.toArray(Object[][]::new));
    }

    private static TableData convert(TableData in, List<String> columns, String type) {
        return (TableData) TestRun.execute("type-conversion", Map.of("columns", columns, "targetType", type),
                Map.of("in", in)).get("out");
    }
}
