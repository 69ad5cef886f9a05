package io.easel.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.SparkTypes;
import io.easel.engine.SharedSpark;
import io.easel.run.TrainingProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The training profile of credit_g (1,000 records: 7 whole-number and 13 text inputs), checked against counts made by
 * hand from the CSV file itself.
 */
class TrainingProfilerTest {

    private static List<String> header;
    private static List<String[]> records;
    private static Dataset<Row> credit;
    private static List<ColumnSpec> inputs;

    @BeforeAll
    static void readCreditG() throws IOException {
        List<String> lines;
        try (InputStream in = TrainingProfilerTest.class.getResourceAsStream(
                "/io/easel/components/datasets/credit_g.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        header = List.of(lines.getFirst().split(","));
        records = lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
        credit = SharedSpark.session().read().option("header", true).option("inferSchema", true)
                .csv(SharedSpark.session().createDataset(lines, Encoders.STRING()));
        inputs = SparkTypes.fromSchema(credit.schema()).columns().stream()
                .filter(c -> !c.name().equals("class")).toList();
    }

    @Test
    void shouldProfileEveryInputWithSharesOverEveryRecord() {
        TrainingProfile profile = TrainingProfiler.of(credit, inputs);

        assertThat(profile.profiled()).as(profile.notProfiled()).isTrue();
        assertThat(profile.rows()).isEqualTo(1000);
        assertThat(profile.features()).extracting(TrainingProfile.Feature::name)
                .containsExactlyElementsOf(inputs.stream().map(ColumnSpec::name).toList());
        for (TrainingProfile.Feature feature : profile.features()) {
            assertThat(feature.shares()).as(feature.name()).hasSize(feature.binCount());
            assertThat(feature.shares().stream().mapToDouble(Double::doubleValue).sum()).as(feature.name())
                    .isCloseTo(1, within(1e-12));
            assertThat(feature.shares().get(feature.missingBin())).as(feature.name()).isZero();
        }
        assertThat(kinds(profile)).containsEntry("age", TrainingProfile.Kind.NUMERIC)
                .containsEntry("purpose", TrainingProfile.Kind.CATEGORICAL);
    }

    @Test
    void shouldBinNumbersAtTheirDecilesAsTheServerBinsThem() {
        TrainingProfile.Feature age = feature(TrainingProfiler.of(credit, inputs), "age");
        double[] ages = column("age").stream().mapToDouble(Double::parseDouble).sorted().toArray();

        // Ages are whole numbers, so some deciles coincide; what remains are distinct ascending edges within range
        assertThat(age.edges()).isSorted().doesNotHaveDuplicates().hasSizeBetween(6, 9);
        assertThat(age.edges().getFirst()).isGreaterThan(ages[0]);
        assertThat(age.edges().getLast()).isLessThanOrEqualTo(ages[ages.length - 1]);
        long[] counted = new long[age.binCount()];
        for (double value : ages) {
            int bin = 0;
            while (bin < age.edges().size() && value >= age.edges().get(bin)) {
                bin++;
            }
            counted[bin]++;
        }
        assertThat(age.shares()).containsExactlyElementsOf(
                Arrays.stream(counted).mapToObj(n -> n / 1000.0).toList());
        // Deciles: no value bin holds much more than a tenth, ties at an edge aside
        assertThat(age.shares().subList(0, age.binCount() - 1)).allSatisfy(share -> assertThat(share).isLessThan(0.2));
    }

    @Test
    void shouldKeepTheMostFrequentCategoriesAsCountedByHand() {
        TrainingProfile.Feature purpose = feature(TrainingProfiler.of(credit, inputs), "purpose");
        Map<String, Long> counted = column("purpose").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> byFrequency = counted.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();

        // credit_g has 10 purposes, fewer than the 20 kept: every one has its bin, "other" is empty
        assertThat(purpose.categories()).containsExactlyElementsOf(byFrequency);
        assertThat(purpose.categories().getFirst()).isEqualTo("radio/tv");
        for (int i = 0; i < byFrequency.size(); i++) {
            assertThat(purpose.shares().get(i)).isEqualTo(counted.get(byFrequency.get(i)) / 1000.0);
        }
        assertThat(purpose.shares().get(byFrequency.size())).isZero();
    }

    @Test
    void shouldPutRareCategoriesAndMissingValuesInTheirOwnBins() {
        // 25 distinct values, one record each, and 5 missing: 20 kept, 5 in "other", 5 missing
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(org.apache.spark.sql.RowFactory.create(i < 25 ? String.format("v%02d", i) : null));
        }
        Dataset<Row> table = SharedSpark.session().createDataFrame(rows,
                new org.apache.spark.sql.types.StructType().add("code", "string"));

        TrainingProfile.Feature code = TrainingProfiler.of(table, List.of(ColumnSpec.of("code", DataType.STRING)))
                .features().getFirst();

        assertThat(code.categories()).hasSize(TrainingProfiler.TOP_CATEGORIES).startsWith("v00", "v01")
                .endsWith("v19");
        assertThat(code.shares().get(20)).isEqualTo(5 / 30.0);
        assertThat(code.shares().get(21)).isEqualTo(5 / 30.0);
    }

    @Test
    void shouldSayWhyWhenThereIsNothingToProfile() {
        TrainingProfile empty = TrainingProfiler.of(credit.where(functions.lit(false)), inputs);

        assertThat(empty.profiled()).isFalse();
        assertThat(empty.notProfiled()).isEqualTo("the records the model trained on are empty");
        assertThat(TrainingProfiler.of(credit, List.of(ColumnSpec.of("missing_column", DataType.DOUBLE)))
                .notProfiled()).contains("missing_column");
    }

    private static List<String> column(String name) {
        int index = header.indexOf(name);
        return records.stream().map(record -> record[index]).toList();
    }

    private static TrainingProfile.Feature feature(TrainingProfile profile, String name) {
        return profile.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, TrainingProfile.Kind> kinds(TrainingProfile profile) {
        return profile.features().stream()
                .collect(Collectors.toMap(TrainingProfile.Feature::name, TrainingProfile.Feature::kind));
    }
}
