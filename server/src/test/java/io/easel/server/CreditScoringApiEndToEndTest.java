package io.easel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.easel.graph.ExperimentGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole product over HTTP, as a user's client would drive it: create the credit-scoring experiment, run it on
 * the real engine (a Spark driver child process in local mode), read its results, deploy the trained model and
 * score raw records, which must get exactly the predictions Spark made for them; and read every table output whole,
 * page by page, sorted, filtered and downloaded. The experiment runs once for all these tests.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditScoringApiEndToEndTest {

    private static final List<String> NODES = List.of("data", "convert", "split", "gbdt", "predict", "evaluate",
            "importance");

    @LocalServerPort
    int port;

    Api api;
    String experimentId;
    JsonNode run;
    String runId;

    @BeforeAll
    void runTheExperiment() throws IOException {
        api = Api.asAdmin(port);
        ExperimentGraph graph;
        try (InputStream in = getClass().getResourceAsStream("/experiments/credit-scoring.json")) {
            graph = Api.JSON.readValue(in, ExperimentGraph.class);
        }
        Api.Response created = api.post("/api/experiments", Map.of("name", "Credit scoring", "graph", graph));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/validation/errors")).as(created.text()).isEmpty();
        experimentId = created.body().get("id").asString();

        // Run it on the engine and wait for the end.
        run = api.runToEnd(experimentId);
        runId = run.get("id").asString();
    }

    @Test
    void shouldRunDeployAndScoreAsSparkDid() {
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("sparkAppId").asString()).isNotBlank();
        for (String node : NODES) {
            assertThat(run.at("/nodes/" + node + "/state").asString()).as(node).isEqualTo("succeeded");
        }
        assertThat(api.get("/api/experiments/" + experimentId + "/runs").body().get(0).get("id").asString())
                .isEqualTo(runId);

        JsonNode evaluation = api.get("/api/runs/" + runId + "/nodes/evaluate").body();
        assertThat(evaluation.at("/outputs/report/metrics/auc").asDouble()).isGreaterThan(0.7);
        assertThat(api.get("/api/runs/" + runId + "/nodes/importance").body().at("/outputs/out/rowCount").asLong())
                .isEqualTo(20);

        // The model the run exported, deployed.
        JsonNode model = trainedModel();
        JsonNode version = model.get("versions").get(0);
        assertThat(version.get("runId").asString()).isEqualTo(runId);
        Api.Response deployed = api.post("/api/models/" + model.get("id").asString() + "/versions/"
                + version.get("version").asInt() + "/deploy", Map.of("name", "credit-e2e"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        String endpoint = deployed.body().get("endpointPath").asString();
        JsonNode inputs = deployed.body().get("inputs");

        // Raw records: the original credit_g columns of the rows Spark scored in the predict node's sample.
        JsonNode scored = api.get("/api/runs/" + runId + "/nodes/predict").body().at("/outputs/out");
        List<String> columns = scored.at("/spec/columns").valueStream().map(c -> c.get("name").asString()).toList();
        List<JsonNode> rows = scored.get("sampleRows").valueStream().toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (JsonNode input : inputs) {
                String name = input.get("name").asString();
                JsonNode value = row.get(columns.indexOf(name));
                record.put(name, switch (input.get("type").asString()) {
                    case "integer", "long" -> value.asLong(); // type-conversion made them doubles; credit_g has ints
                    case "double" -> value.asDouble();
                    default -> value.asString();
                });
            }
            records.add(record);
        }
        Api.Response answer = api.post(endpoint, records);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);

        JsonNode gbdt = api.get("/api/runs/" + runId + "/nodes/gbdt").body().at("/outputs/model/metrics");
        String negative = gbdt.get("negativeLabel").asString();
        String positive = gbdt.get("positiveLabel").asString();
        JsonNode predictions = answer.body().get("predictions");
        assertThat(predictions).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode pmml = predictions.get(i);
            JsonNode sparkProbability = row.get(columns.indexOf("probability"));
            assertThat(pmml.get("prediction").asString()).as("row %s", i)
                    .isEqualTo(row.get(columns.indexOf("prediction")).asString());
            assertThat(pmml.at("/probabilities/" + negative).asDouble()).as("row %s", i)
                    .isCloseTo(sparkProbability.get(0).asDouble(), within(1e-9));
            assertThat(pmml.at("/probabilities/" + positive).asDouble()).as("row %s", i)
                    .isCloseTo(sparkProbability.get(1).asDouble(), within(1e-9));
            assertThat(pmml.get("score").asDouble()).as("row %s", i)
                    .isCloseTo(row.get(columns.indexOf("score")).asDouble(), within(1e-9));
        }
    }

    @Test
    void shouldKeepWhereTheModelVersionCameFromAndHowItsRunEvaluatedIt() throws Exception {
        JsonNode model = trainedModel();
        int number = model.get("versions").get(0).get("version").asInt();
        String path = "/api/models/" + model.get("id").asString() + "/versions/" + number;

        Api.Response answer = api.get(path);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode version = answer.body();
        int revision = api.get("/api/experiments/" + experimentId).body().get("revision").asInt();
        assertThat(version.get("experimentRevision").asInt()).isEqualTo(revision).isPositive();
        JsonNode lineage = version.get("lineage");
        assertThat(lineage.get("node").asString()).isEqualTo("gbdt");
        assertThat(lineage.get("steps").valueStream().map(step -> step.get("node").asString()).toList())
                .containsExactly("data", "convert", "split", "gbdt");
        assertThat(lineage.at("/steps/0/params/dataset").asString()).isEqualTo("credit_g");
        assertThat(lineage.at("/steps/2/params/fraction").asDouble()).isEqualTo(0.85);
        assertThat(lineage.at("/steps/2/params/seed").asInt()).isEqualTo(42);
        assertThat(lineage.at("/steps/3/params/labelColumn").asString()).isEqualTo("class");
        assertThat(lineage.at("/steps/3/params/maxIter").asInt()).isEqualTo(20);
        assertThat(lineage.at("/steps/3/inputs/in/node").asString()).isEqualTo("split");
        assertThat(lineage.at("/steps/3/inputs/in/port").asString()).isEqualTo("train");
        assertThat(lineage.at("/versions/spark").asString()).isEqualTo("4.0.1");
        assertThat(lineage.at("/versions/jpmmlSparkml").asString()).isEqualTo("3.2.0");
        assertThat(lineage.at("/versions/easel").asString()).isNotBlank().isNotEqualTo("unknown");
        byte[] pmml = api.download(path + "/pmml").body();
        assertThat(lineage.get("pmmlSha256").asString()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(pmml)));
        assertThat(version.get("inputs")).hasSize(20);
        // The engine scored sampled and perturbed rows with the PMML and with Spark at export: they agree.
        JsonNode parity = version.get("parity");
        assertThat(parity.get("rowsCompared").asInt()).as(parity.toString()).isEqualTo(240);
        assertThat(parity.get("perturbedRows").asInt()).isEqualTo(40);
        assertThat(parity.get("maxDifference").asDouble()).isLessThan(1e-9);
        assertThat(parity.get("flagged").asBoolean()).isFalse();
        assertThat(parity.get("summary").asString()).startsWith("PMML agrees with Spark on 240 rows");

        // The run's evaluation of the model (gbdt → predict → evaluate), with the very AUC the node reported.
        double auc = api.get("/api/runs/" + runId + "/nodes/evaluate").body().at("/outputs/report/metrics/auc")
                .asDouble();
        assertThat(version.get("evaluations")).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.get("nodeId").asString()).isEqualTo("evaluate");
            assertThat(evaluation.get("component").asString()).isEqualTo("binary-classification-evaluation");
            assertThat(evaluation.get("port").asString()).isEqualTo("report");
            assertThat(evaluation.at("/metrics/auc").asDouble()).isEqualTo(auc).isGreaterThan(0.7);
        });
        // Lists carry the lineage too.
        assertThat(api.get("/api/models/" + model.get("id").asString()).body().at("/versions/0/lineage/pmmlSha256")
                .asString()).isEqualTo(lineage.get("pmmlSha256").asString());
    }

    @Test
    void shouldReachEveryRowOfAnOutputExactlyOnceInTheComponentsOrder() throws IOException {
        List<List<String>> dataset = Csv.parse(new String(datasetBytes(), StandardCharsets.UTF_8));
        JsonNode firstPage = rows("data", "out", "limit=7");
        assertThat(firstPage.get("rowCount").asLong()).isEqualTo(dataset.size() - 1);
        assertThat(firstPage.get("matchingRows").asLong()).isEqualTo(dataset.size() - 1);
        assertThat(firstPage.get("columns").valueStream().map(c -> c.get("name").asString()))
                .containsExactlyElementsOf(dataset.getFirst());
        assertThat(firstPage.get("rows")).hasSize(7);

        // Pages of 300 (the last one short) are the dataset's rows, each once, in the file's order.
        List<JsonNode> paged = pages("data", "out", 300, "");
        assertThat(paged).hasSize(dataset.size() - 1);
        for (int i = 0; i < paged.size(); i++) {
            assertThat(texts(paged.get(i))).as("row %s", i).isEqualTo(dataset.get(i + 1));
        }
        // What a node reports as its sample is the first page, vectors and all.
        for (String node : List.of("data", "predict", "importance")) {
            JsonNode sample = api.get("/api/runs/" + runId + "/nodes/" + node).body().at("/outputs/out/sampleRows");
            assertThat(rows(node, "out", "limit=" + sample.size()).get("rows")).as(node).isEqualTo(sample);
        }
        assertThat(rows("data", "out", "offset=5000").get("rows")).isEmpty();
    }

    @Test
    void shouldSortTheWholeOutputByAColumnEitherWayKeepingTheComponentsOrderForTies() {
        List<JsonNode> all = pages("predict", "out", 1000, "");
        List<String> names = columnNames("predict", "out");
        int amount = names.indexOf("credit_amount");
        int purpose = names.indexOf("purpose");
        Comparator<JsonNode> byAmount = Comparator.comparingDouble(row -> row.get(amount).asDouble());
        Comparator<JsonNode> byPurpose = Comparator.comparing(row -> row.get(purpose).asString());

        assertThat(pages("predict", "out", 40, "&sort=credit_amount")).isEqualTo(sorted(all, byAmount));
        assertThat(pages("predict", "out", 40, "&sort=credit_amount,desc")).isEqualTo(sorted(all, byAmount.reversed()));
        assertThat(pages("predict", "out", 1000, "&sort=purpose,desc")).isEqualTo(sorted(all, byPurpose.reversed()));
        JsonNode middle = rows("predict", "out", "sort=purpose&offset=30&limit=20");
        assertThat(middle.get("rows").valueStream().toList()).isEqualTo(sorted(all, byPurpose).subList(30, 50));
        assertThat(middle.get("offset").asLong()).isEqualTo(30);
    }

    @Test
    void shouldFilterAndSearchTheWholeOutput() {
        List<JsonNode> all = pages("predict", "out", 1000, "");
        List<String> names = columnNames("predict", "out");
        int amount = names.indexOf("credit_amount");
        int purpose = names.indexOf("purpose");
        List<JsonNode> expensiveCars = all.stream().filter(row -> row.get(amount).asDouble() >= 5000
                && row.get(purpose).asString().toLowerCase(Locale.ROOT).contains("car")).toList();
        assertThat(expensiveCars).isNotEmpty().hasSizeLessThan(all.size());

        String query = "&filter=" + encode("credit_amount >= 5000") + "&filter=" + encode("purpose contains CAR");
        JsonNode filtered = rows("predict", "out", "limit=1000" + query);
        assertThat(filtered.get("rowCount").asLong()).isEqualTo(all.size());
        assertThat(filtered.get("matchingRows").asLong()).isEqualTo(expensiveCars.size());
        assertThat(filtered.get("rows").valueStream().toList()).isEqualTo(expensiveCars);
        assertThat(pages("predict", "out", 3, query)).isEqualTo(expensiveCars);

        List<JsonNode> retraining = all.stream().filter(row -> row.get(purpose).asString().equals("retraining"))
                .toList();
        assertThat(rows("predict", "out", "limit=1000&filter=" + encode("purpose = retraining")).get("rows")
                .valueStream().toList()).isEqualTo(retraining);
        assertThat(rows("predict", "out", "limit=1000&filter=" + encode("purpose != retraining"))
                .get("matchingRows").asLong()).isEqualTo(all.size() - retraining.size());
        assertThat(rows("predict", "out", "filter=" + encode("prediction = null")).get("matchingRows").asLong())
                .isZero();

        List<JsonNode> radio = all.stream().filter(row -> row.valueStream()
                .anyMatch(cell -> cell.isString() && cell.asString().contains("radio"))).toList();
        assertThat(rows("predict", "out", "limit=1000&search=RADIO").get("rows").valueStream().toList())
                .isNotEmpty().isEqualTo(radio);
    }

    @Test
    void shouldRefuseABadPageRequestNamingWhatIsWrong() {
        String path = "/api/runs/" + runId + "/nodes/predict/ports/out/rows?";
        Api.Response tooMany = api.get(path + "limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemDetail()).contains("limit", "1000");
        Api.Response unknownSort = api.get(path + "sort=no_such_column,desc");
        assertThat(unknownSort.status()).isEqualTo(400);
        assertThat(unknownSort.problemDetail()).contains("no_such_column");
        Api.Response unknownFilter = api.get(path + "filter=" + encode("no_such_column = 1"));
        assertThat(unknownFilter.status()).isEqualTo(400);
        assertThat(unknownFilter.problemDetail()).contains("no_such_column");
        Api.Response notANumber = api.get(path + "filter=" + encode("credit_amount > lots"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.problemDetail()).contains("lots", "credit_amount", "number");
        Api.Response noOperator = api.get(path + "filter=" + encode("credit_amount"));
        assertThat(noOperator.status()).isEqualTo(400);
        assertThat(noOperator.problemDetail()).contains("column op value");
        assertThat(api.get(path + "offset=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/runs/" + runId + "/nodes/gbdt/ports/model/rows").status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + runId + "/nodes/predict/ports/nope/rows").status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + runId + "/nodes/predict/ports/out/download?format=xlsx").status())
                .isEqualTo(400);
    }

    @Test
    void shouldDownloadAnOutputAsCsvHoldingItsRows() throws IOException {
        HttpResponse<byte[]> csv = api.download("/api/runs/" + runId + "/nodes/data/ports/out/download?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("Credit-scoring-data-out.csv"));
        assertThat(Csv.parse(new String(csv.body(), StandardCharsets.UTF_8)))
                .isEqualTo(Csv.parse(new String(datasetBytes(), StandardCharsets.UTF_8)));

        // Vectors as JSON arrays, in the order of the rows.
        HttpResponse<byte[]> scored = api.download("/api/runs/" + runId + "/nodes/predict/ports/out/download");
        List<List<String>> lines = Csv.parse(new String(scored.body(), StandardCharsets.UTF_8));
        List<JsonNode> all = pages("predict", "out", 1000, "");
        assertThat(lines.getFirst()).isEqualTo(columnNames("predict", "out"));
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.get(lines.getFirst()
                .indexOf("probability"))).map(Api.JSON::readTree).toList())
                .isEqualTo(all.stream().map(row -> row.get(lines.getFirst().indexOf("probability"))).toList());
    }

    @Test
    void shouldDownloadAnOutputAsTheParquetTheEngineWrote() throws IOException {
        for (String node : List.of("predict", "importance")) {
            HttpResponse<byte[]> parquet = api.download("/api/runs/" + runId + "/nodes/" + node
                    + "/ports/out/download?format=parquet");
            assertThat(parquet.statusCode()).isEqualTo(200);
            String disposition = parquet.headers().firstValue("Content-Disposition").orElseThrow();
            List<byte[]> files = new ArrayList<>();
            if (disposition.contains(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(parquet.body()))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        assertThat(entry.getName()).startsWith("Credit-scoring-" + node + "-out/part-")
                                .endsWith(".parquet");
                        files.add(zip.readAllBytes());
                    }
                }
                assertThat(files).as(node).hasSizeGreaterThan(1);
            } else {
                assertThat(disposition).contains("Credit-scoring-" + node + "-out.parquet");
                files.add(parquet.body());
            }
            assertThat(files).allSatisfy(file -> {
                assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
                assertThat(new String(file, file.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            });
        }
    }

    @Test
    void shouldComputeColumnStatisticsOnDemandAgreeingWithTheDatasetFile() throws IOException {
        String path = "/api/runs/" + runId + "/nodes/data/ports/out/statistics";
        Api.Response first = api.get(path);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().get("state").asString()).isEqualTo("computing");
        assertThat(first.raw().headers().firstValue("Retry-After")).hasValue("2");

        JsonNode statistics = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(path).body(), body -> !body.get("state").asString().equals("computing"));

        assertThat(statistics.get("state").asString()).as(statistics.toString()).isEqualTo("ready");
        List<List<String>> csv = Csv.parse(new String(datasetBytes(), StandardCharsets.UTF_8));
        List<String> header = csv.getFirst();
        List<List<String>> rows = csv.subList(1, csv.size());
        assertThat(statistics.get("rows").asLong()).isEqualTo(rows.size());
        JsonNode columns = statistics.get("columns");
        assertThat(columns.valueStream().map(c -> c.get("name").asString()).toList()).isEqualTo(header);
        for (int c = 0; c < header.size(); c++) {
            int column = c;
            List<String> present = rows.stream().map(row -> row.get(column)).filter(v -> !v.isEmpty()).toList();
            JsonNode figures = columns.get(c);
            assertThat(figures.get("missing").asLong()).as(header.get(c)).isEqualTo(rows.size() - present.size());
            assertThat(figures.get("distinct").asLong()).as(header.get(c))
                    .isEqualTo(present.stream().distinct().count());
        }
        JsonNode amount = columns.get(header.indexOf("credit_amount"));
        List<Double> amounts = rows.stream().map(row -> Double.parseDouble(row.get(header.indexOf("credit_amount"))))
                .toList();
        assertThat(amount.get("min").asDouble()).isEqualTo(amounts.stream().mapToDouble(v -> v).min().orElseThrow());
        assertThat(amount.get("max").asDouble()).isEqualTo(amounts.stream().mapToDouble(v -> v).max().orElseThrow());
        assertThat(amount.get("mean").asDouble()).isCloseTo(amounts.stream().mapToDouble(v -> v).average()
                .orElseThrow(), within(1e-9));
        assertThat(amount.at("/histogram/counts").valueStream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(rows.size());
        Map<String, Long> purposes = new java.util.TreeMap<>();
        rows.forEach(row -> purposes.merge(row.get(header.indexOf("purpose")), 1L, Long::sum));
        Map.Entry<String, Long> commonest = purposes.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElseThrow();
        assertThat(columns.get(header.indexOf("purpose")).get("topValues").asString())
                .startsWith(commonest.getKey() + " (" + commonest.getValue() + ")");
        assertThat(columns.get(header.indexOf("purpose")).has("histogram")).isFalse();

        // Kept with the output: asked again, answered at once.
        assertThat(api.get(path).body().get("state").asString()).isEqualTo("ready");
        assertThat(api.get("/api/runs/" + runId + "/nodes/gbdt/ports/model/statistics").status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + runId + "/nodes/data/ports/nope/statistics").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get(path).status()).isEqualTo(401);
    }

    @Test
    void shouldListFeatureImportancesMostImportantFirst() {
        List<JsonNode> importances = pages("importance", "out", 7, "");
        int importance = columnNames("importance", "out").indexOf("importance");
        assertThat(importances).hasSize(20);
        assertThat(importances.stream().map(row -> row.get(importance).asDouble()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(importances.getFirst().get(importance).asDouble())
                .isGreaterThan(importances.getLast().get(importance).asDouble());
    }

    @Test
    void shouldKeepTheRunsLogWithEachNodesLinesTaggedAndServeItPageByPage() {
        // The engine's last line comes after it reported the end.
        Api.Response whole = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/runs/" + runId + "/log"), page -> page.text().contains("Engine: Run " + runId));
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        assertThat(whole.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        for (String node : NODES) {
            assertThat(whole.text()).contains("[" + node + "] ExperimentRun: Node '" + node + "' (")
                    .containsPattern("\\[" + node + "] ExperimentRun: Node '" + node
                            + "' \\(.*\\) succeeded in \\d+ ms");
        }
        assertThat(whole.text()).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  Engine: "
                + "Run " + runId + " succeeded");
        long end = nextOffset(whole);
        assertThat(end).isPositive();
        assertThat(whole.raw().headers().firstValue("Easel-Log-More")).hasValue("false");

        Api.Response gbdt = api.get("/api/runs/" + runId + "/nodes/gbdt/log");
        assertThat(gbdt.status()).isEqualTo(200);
        assertThat(gbdt.text().lines()).isNotEmpty()
                .allMatch(line -> line.startsWith("    ") || line.contains(" [gbdt] "));
        assertThat(gbdt.text()).contains("Node 'gbdt' (gbdt-classifier) started");
        assertThat(nextOffset(gbdt)).isEqualTo(end);

        // Tailing: from where the last page ended there is nothing new, and the offset stays.
        Api.Response tail = api.get("/api/runs/" + runId + "/log?offset=" + end);
        assertThat(tail.status()).isEqualTo(200);
        assertThat(tail.text()).isEmpty();
        assertThat(nextOffset(tail)).isEqualTo(end);

        assertThat(api.get("/api/runs/" + runId + "/log?offset=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/runs/" + runId + "/nodes/nope/log").status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + java.util.UUID.randomUUID() + "/log").status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + java.util.UUID.randomUUID() + "/nodes/gbdt/log").status()).isEqualTo(404);
    }

    /** The model the run's gbdt node exported. */
    private JsonNode trainedModel() {
        return api.get("/api/models").body().valueStream()
                .filter(m -> m.get("experimentId").asString().equals(experimentId)
                        && m.get("nodeId").asString().equals("gbdt"))
                .findFirst().orElseThrow(() -> new AssertionError("the run's model was not registered"));
    }

    private static long nextOffset(Api.Response page) {
        return Long.parseLong(page.raw().headers().firstValue("Easel-Log-Next-Offset").orElseThrow());
    }

    private JsonNode rows(String node, String port, String query) {
        Api.Response page = api.get("/api/runs/" + runId + "/nodes/" + node + "/ports/" + port + "/rows?" + query);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.body();
    }

    /** Every row the query matches, read page by page until a short page. */
    private List<JsonNode> pages(String node, String port, int limit, String query) {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            List<JsonNode> page = rows(node, port, "offset=" + offset + "&limit=" + limit + query).get("rows")
                    .valueStream().toList();
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
        }
    }

    private List<String> columnNames(String node, String port) {
        return rows(node, port, "limit=1").get("columns").valueStream().map(c -> c.get("name").asString()).toList();
    }

    private static List<JsonNode> sorted(List<JsonNode> rows, Comparator<JsonNode> order) {
        List<JsonNode> copy = new ArrayList<>(rows);
        copy.sort(order); // stable: ties keep the component's order
        return copy;
    }

    /** A row's cells as the dataset file writes them. */
    private static List<String> texts(JsonNode row) {
        return row.valueStream().map(cell -> cell.isNull() ? "" : cell.asString()).toList();
    }

    /** The bundled dataset file the data node reads (the server's test JVM runs in the server module). */
    private static byte[] datasetBytes() throws IOException {
        return Files.readAllBytes(Path.of("../components/builtin/src/main/resources/io/easel/components/datasets",
                "credit_g.csv"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
