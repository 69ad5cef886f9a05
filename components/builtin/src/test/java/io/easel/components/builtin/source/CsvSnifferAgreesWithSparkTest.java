package io.easel.components.builtin.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.TableSpec;
import io.easel.component.csv.CsvSchemaSniffer;
import io.easel.components.spi.SparkTypes;
import io.easel.components.testing.SampleFiles;
import io.easel.components.testing.TestSpark;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Spark-free sniffer must say what Spark's own CSV inference says (on one partition, default options). */
class CsvSnifferAgreesWithSparkTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"credit_g", "iris", "breast_cancer", "diabetes", "vote"})
    void shouldInferWhatSparkInfersForTheSampleDatasets(String dataset) throws Exception {
        List<String> lines = Files.readAllLines(SampleFiles.DATASETS.resolve(dataset + ".csv"));

        assertThat(CsvSchemaSniffer.sniff(lines, CsvSchemaSniffer.Options.defaults()))
                .isEqualTo(sparkInfers(lines, true, ","));
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {
        "i,l,d,b,mixed,empty,s\n1,1,1,true,1,,a\n2,3000000000,2.5,FALSE,true,,b\n-3,4,-1e3,false,,,c",
        "a,b\nNaN,Inf\n1.5,-Inf",
        "id,name,amount\n\"1\",\"Smith, John\",\"2.5\"\n2,plain,3",
        "a,,A,b\n1,2,3,4",
        "x,y\n\n1,2\n   \nx,y\n3,4",
        "a,b\n1,2,extra\n3",
        "n,sp,plus\n1, 2,+3\n2, 4,+5",
    })
    void shouldInferWhatSparkInfersForTheCornerCases(String csv) {
        List<String> lines = csv.lines().toList();

        assertThat(CsvSchemaSniffer.sniff(lines, CsvSchemaSniffer.Options.defaults()))
                .isEqualTo(sparkInfers(lines, true, ","));
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"1;x;2.5\n2;y;3", "a;b\n;"})
    void shouldInferWhatSparkInfersWithoutHeaderAndWithAnotherDelimiter(String csv) {
        List<String> lines = csv.lines().toList();

        assertThat(CsvSchemaSniffer.sniff(lines, new CsvSchemaSniffer.Options(false, ";")))
                .isEqualTo(sparkInfers(lines, false, ";"));
    }

    private static TableSpec sparkInfers(List<String> lines, boolean header, String delimiter) {
        StructType schema = TestSpark.session().read()
                .option("header", header)
                .option("sep", delimiter)
                .option("inferSchema", true)
                .csv(TestSpark.session().createDataset(lines, Encoders.STRING()).coalesce(1))
                .schema();
        return SparkTypes.fromSchema(SparkTypes.toNearestEasel(schema));
    }
}
