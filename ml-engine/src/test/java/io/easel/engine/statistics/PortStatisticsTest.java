package io.easel.engine.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.EngineMain;
import io.easel.engine.SharedSpark;
import io.easel.engine.store.FileStore;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column statistics of stored outputs, against figures counted here from the CSV files, without Spark. */
class PortStatisticsTest {

    private static final Path DATASETS = Path.of("..", "components", "builtin", "src", "main", "resources", "io",
            "easel", "components", "datasets");

    private final SparkSession spark = SharedSpark.session();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path workspace;

    @Test
    void shouldCountMissingDistinctAndTopValuesOfTheVotes() throws IOException {
        List<String[]> rows = csv("vote.csv");
        String location = storeAsOutput("vote.csv", "vote");

        JsonNode profile = profileRows(written(location));

        String[] header = rows.getFirst();
        for (int column = 0; column < header.length; column++) {
            Map<String, Long> counts = new TreeMap<>();
            long missing = 0;
            for (String[] row : rows.subList(1, rows.size())) {
                if (row[column].isEmpty()) {
                    missing++;
                } else {
                    counts.merge(row[column], 1L, Long::sum);
                }
            }
            JsonNode figures = profile.get(column);
            assertThat(figures.get(0).asText()).isEqualTo(header[column]);
            assertThat(figures.get(3).asLong()).as("missing in %s", header[column]).isEqualTo(missing);
            assertThat(figures.get(5).asLong()).as("distinct in %s", header[column]).isEqualTo(counts.size());
            String top = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
            assertThat(figures.get(10).asText()).as("top values of %s", header[column]).isEqualTo(top);
        }
        assertThat(profile.toString()).contains("\"crime\"");
    }

    @Test
    void shouldGiveTheRangeMeanAndHistogramOfNumbers() throws IOException {
        List<String[]> rows = csv("diabetes.csv");
        String location = storeAsOutput("diabetes.csv", "diabetes");

        JsonNode statistics = written(location);

        int bmi = List.of(rows.getFirst()).indexOf("bmi");
        List<Double> values = rows.subList(1, rows.size()).stream().map(r -> Double.parseDouble(r[bmi])).toList();
        double min = values.stream().min(Comparator.naturalOrder()).orElseThrow();
        double max = values.stream().max(Comparator.naturalOrder()).orElseThrow();
        JsonNode figures = profileRows(statistics).get(bmi);
        assertThat(figures.get(3).asLong()).isZero();
        assertThat(figures.get(5).asLong()).isEqualTo(new HashSet<>(values).size());
        assertThat(figures.get(6).asDouble()).isCloseTo(values.stream().mapToDouble(v -> v).average().orElseThrow(),
                within(1e-9));
        assertThat(figures.get(8).asDouble()).isEqualTo(min);
        assertThat(figures.get(9).asDouble()).isEqualTo(max);
        JsonNode histogram = statistics.at("/charts/histograms/bmi");
        int bins = histogram.get("counts").size();
        long[] expected = new long[bins];
        for (double v : values) {
            expected[Math.min(bins - 1, (int) Math.floor((v - min) / (max - min) * bins))]++;
        }
        List<Long> counts = new ArrayList<>();
        histogram.get("counts").forEach(c -> counts.add(c.asLong()));
        assertThat(counts).containsExactlyElementsOf(Arrays.stream(expected).boxed().toList());
        assertThat(statistics.at("/metrics/rows").asLong()).isEqualTo(rows.size() - 1);
    }

    @Test
    void shouldKeepStatisticsOnceWritten() throws IOException {
        String location = storeAsOutput("vote.csv", "kept");
        Path file = Path.of(URI.create(FileStore.root(WorkspaceLayout.statistics(location)).toString()));
        Files.writeString(file, "{\"kind\":\"kept\"}");

        new PortStatistics(spark).write(location);

        assertThat(Files.readString(file)).isEqualTo("{\"kind\":\"kept\"}");
    }

    @Test
    void shouldWriteWhyAStatisticsJobFailedBesideTheTableAndNothingElse() throws IOException {
        Path notParquet = workspace.resolve("nodes").resolve("broken");
        Files.createDirectories(notParquet);
        Files.writeString(notParquet.resolve("part-00000.parquet"), "not a Parquet file");
        String location = notParquet.toUri().toString();

        assertThat(StatisticsMain.compute(spark, location)).isEqualTo(EngineMain.FAILED);

        assertThat(notParquet.resolve(WorkspaceLayout.STATISTICS)).doesNotExist();
        String reason = Files.readString(notParquet.resolve(WorkspaceLayout.STATISTICS_FAILURE));
        assertThat(reason).isNotBlank().doesNotContain("\n").doesNotContain("\tat ");
        assertThat(notParquet.resolve(WorkspaceLayout.STATISTICS_FAILURE + ".writing")).doesNotExist();
    }

    @Test
    void shouldWriteTheStatisticsOfAStatisticsJobAsTheWarmEngineDoes() throws IOException {
        String location = storeAsOutput("vote.csv", "job");

        assertThat(StatisticsMain.compute(spark, location)).isEqualTo(EngineMain.SUCCEEDED);

        Path written = Path.of(URI.create(FileStore.root(WorkspaceLayout.statistics(location)).toString()));
        assertThat(json.readTree(Files.readString(written))).isEqualTo(written(location));
        assertThat(Path.of(URI.create(FileStore.root(WorkspaceLayout.statisticsFailure(location)).toString())))
                .doesNotExist();
    }

    /** A dataset stored as a node output is: Parquet part files in a directory of the workspace. */
    private String storeAsOutput(String dataset, String port) {
        String location = workspace.resolve("nodes").resolve(port).toUri().toString();
        spark.read().option("header", "true").option("inferSchema", "true")
                .csv(DATASETS.resolve(dataset).toAbsolutePath().toString())
                .repartition(2).write().parquet(location);
        return location;
    }

    private JsonNode written(String location) throws IOException {
        String file = new PortStatistics(spark).write(location);
        assertThat(file).isEqualTo(FileStore.root(WorkspaceLayout.statistics(location)).toString());
        return json.readTree(Files.readString(Path.of(URI.create(file))));
    }

    private static JsonNode profileRows(JsonNode statistics) {
        return statistics.at("/charts/profile/rows");
    }

    private static List<String[]> csv(String dataset) throws IOException {
        return Files.readAllLines(DATASETS.resolve(dataset), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
    }
}
