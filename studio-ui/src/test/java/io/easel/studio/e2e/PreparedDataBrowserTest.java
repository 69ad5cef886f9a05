package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8's new user, in the browser: a CSV with missing values and a text column (iris with a garden, see
 * {@code e2e/README.md}) uploaded through the read-csv form, then filled, one-hot encoded, scaled, split, learnt by a
 * logistic regression (multinomial, three classes), scored and evaluated, all built on the canvas, in one run. The
 * model is deployed from its results and scores the raw records of the rows Spark scored, blanks included and an
 * unseen garden in place of a blank one: the endpoint's probabilities are Spark's.
 */
class PreparedDataBrowserTest extends SignedInStudio {

    private static final String CSV_NAME = "iris-gardens.csv";
    private static final String SCHEMA = "id:integer, sepal_length_cm:double, sepal_width_cm:double, "
            + "petal_length_cm:double, petal_width_cm:double, garden:string, species:string";
    private static final List<String> NUMBERS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm",
            "petal_width_cm");
    /** Spark's probability vector is in the label's natural order. */
    private static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");
    private static final String UNSEEN_GARDEN = "greenhouse";
    private static final List<String> NODES = List.of("read-csv-1", "fill-missing-1", "one-hot-encode-1", "scale-1",
            "random-split-1", "logistic-regression-1", "predict-1", "multiclass-classification-evaluation-1");

    @Test
    void shouldPrepareAnUploadedCsvTrainDeployAndScoreRawRecordsWithBlanksAsSparkDid() throws Exception {
        signedIn();
        String experiment = createExperiment("{\"name\": \"Iris gardens\", \"graph\": {\"formatVersion\": 1,"
                + " \"nodes\": [], \"edges\": []}}").get("id").asString();
        browser.open(url("/experiments/" + experiment));
        browser.find("[data-component-id='read-csv']");

        buildOnTheCanvas();
        browser.click("#save-experiment");
        browser.until(Duration.ofSeconds(10),
                d -> "false".equals(browser.find("#save-state").getAttribute("data-dirty")));
        runAndWaitFor(NODES);

        openResults("multiclass-classification-evaluation-1");
        String accuracy = browser.find("[data-metric='accuracy'] .metric-value").getText();
        assertThat(Double.parseDouble(accuracy)).isBetween(0.8, 1.0);

        // Deploy from the model's results; score the raw records of the rows Spark scored.
        openResults("logistic-regression-1");
        browser.click("#deploy-model");
        browser.click("#deploy-confirm");
        String endpoint = browser.find("#deploy-endpoint").getText();
        browser.click("#deploy-close");

        Map<Integer, Map<String, Object>> raw = rawRecords();
        List<JsonNode> scored = scoredRows(experiment);
        List<JsonNode> withBlanks = scored.stream()
                .filter(row -> raw.get(row.get("id").asInt()).containsValue(null)).toList();
        assertThat(withBlanks).as("test rows with a blank number or garden").hasSizeGreaterThanOrEqualTo(5);
        assertThat(withBlanks).as("a test row with a blank garden")
                .anyMatch(row -> raw.get(row.get("id").asInt()).get("garden") == null);

        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode row : withBlanks) {
            // the CSV's row as a client has it, without the label to predict
            Map<String, Object> record = new LinkedHashMap<>(raw.get(row.get("id").asInt()));
            record.remove("species");
            // A blank garden gets no one-hot flag, as a garden never seen does: Spark's probabilities stand for both.
            if (record.get("garden") == null && row.get("id").asInt() % 2 == 0) {
                record.put("garden", UNSEEN_GARDEN);
            }
            records.add(record);
        }
        HttpResponse<String> answer = score(endpoint, JSON.writeValueAsString(records));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(answer.body()).get("predictions");
        assertThat(predictions).hasSize(records.size());
        assertThat(records).as("an unseen garden was scored").anyMatch(r -> UNSEEN_GARDEN.equals(r.get("garden")));
        for (int i = 0; i < withBlanks.size(); i++) {
            JsonNode spark = withBlanks.get(i);
            JsonNode pmml = predictions.get(i);
            String row = "row id " + spark.get("id").asInt() + " " + records.get(i);
            assertThat(pmml.get("prediction").asString()).as(row).isEqualTo(spark.get("prediction").asString());
            for (int c = 0; c < CLASSES.size(); c++) {
                assertThat(pmml.at("/probabilities/" + CLASSES.get(c)).asDouble()).as(row)
                        .isCloseTo(spark.get("probability").get(c).asDouble(), within(1e-9));
            }
        }
    }

    /** Drops, wires and sets every step by hand, the CSV uploaded through the read-csv form. */
    private void buildOnTheCanvas() throws URISyntaxException {
        browser.dropComponent("read-csv", 150, 60);
        browser.dropComponent("fill-missing", 150, 160);
        browser.dropComponent("one-hot-encode", 150, 260);
        browser.dropComponent("scale", 150, 360);
        browser.dropComponent("random-split", 150, 460);
        browser.dropComponent("logistic-regression", 460, 360);
        browser.dropComponent("predict", 460, 480);
        browser.dropComponent("multiclass-classification-evaluation", 460, 600);
        NODES.forEach(node -> browser.find("g[data-cell-id='" + node + "']"));
        browser.connect("read-csv-1", "out", "fill-missing-1", "in");
        browser.connect("fill-missing-1", "out", "one-hot-encode-1", "in");
        browser.connect("one-hot-encode-1", "out", "scale-1", "in");
        browser.connect("scale-1", "out", "random-split-1", "in");
        browser.connect("random-split-1", "train", "logistic-regression-1", "in");
        browser.connect("logistic-regression-1", "model", "predict-1", "model");
        browser.connect("random-split-1", "test", "predict-1", "in");
        browser.connect("predict-1", "out", "multiclass-classification-evaluation-1", "in");
        browser.waitForVaadin();
        browser.until(Duration.ofSeconds(10), d -> browser.findAll("easel-canvas .x6-edge").size() == 8);

        browser.selectNode("read-csv-1");
        upload(Path.of(PreparedDataBrowserTest.class.getResource("/e2e/" + CSV_NAME).toURI()));
        browser.type("[data-param='schema']", SCHEMA, false);

        // Fill the blank numbers with their means; a blank garden stays blank and gets no one-hot flag.
        browser.selectNode("fill-missing-1");
        browser.pick("[data-param='columns']", NUMBERS.toArray(String[]::new));
        browser.selectNode("one-hot-encode-1");
        browser.pick("[data-param='columns']", "garden");
        browser.selectNode("scale-1");
        browser.pick("[data-param='columns']", NUMBERS.toArray(String[]::new));

        browser.selectNode("logistic-regression-1");
        browser.pick("[data-param='labelColumn']", "species");
        List<String> features = new ArrayList<>(NUMBERS);
        features.add("garden_onehot");
        browser.pick("[data-param='featureColumns']", features.toArray(String[]::new));

        browser.selectNode("multiclass-classification-evaluation-1");
        browser.pick("[data-param='labelColumn']", "species");
        browser.until(Duration.ofSeconds(10), d -> browser.findAll("#issues-count").stream()
                .noneMatch(WebElement::isDisplayed));
    }

    /** Uploads a file from the user's computer through the selected file source's form, as UploadsBrowserTest does. */
    private void upload(Path file) {
        WebElement fileInput = (WebElement) ((JavascriptExecutor) browser.driver).executeScript(
                "const upload = document.querySelector(\"[data-param='path'] vaadin-upload\");"
                        + " return upload.querySelector('input[type=file]')"
                        + " || upload.shadowRoot.querySelector('input[type=file]');",
                browser.find("[data-param='path'] vaadin-upload"));
        fileInput.sendKeys(file.toString());
        browser.until(Duration.ofSeconds(30), d -> ("{uploads}/" + file.getFileName()).equals(
                browser.find("[data-param='path'] vaadin-text-field input").getDomProperty("value")));
        browser.waitForVaadin();
    }

    /** The CSV's rows by id, as a client has them: blanks are null, numbers are numbers. */
    private static Map<Integer, Map<String, Object>> rawRecords() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(Path.of(PreparedDataBrowserTest.class
                .getResource("/e2e/" + CSV_NAME).toURI()), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.getFirst().split(","));
        Map<Integer, Map<String, Object>> records = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                String cell = cells[i];
                record.put(name, cell.isEmpty() ? null : NUMBERS.contains(name) ? (Object) Double.valueOf(cell)
                        : name.equals("id") ? (Object) Integer.valueOf(cell) : cell);
            }
            records.put((Integer) record.get("id"), record);
        }
        return records;
    }

    /** Every row the predict node scored, read through the paged REST API, as objects by column name. */
    private List<JsonNode> scoredRows(String experiment) throws IOException, InterruptedException {
        JsonNode runs = JSON.readTree(get("/api/experiments/" + experiment + "/runs"));
        String run = runs.get(0).get("id").asString();
        JsonNode page = JSON.readTree(get("/api/runs/" + run + "/nodes/predict-1/ports/out/rows?limit=1000"));
        List<String> columns = page.get("columns").valueStream().map(c -> c.get("name").asString()).toList();
        assertThat(page.get("rowCount").asLong()).isEqualTo(page.get("rows").size()).isBetween(20L, 80L);
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode cells : page.get("rows")) {
            var row = JSON.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                row.set(columns.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basicAuth()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> score(String endpoint, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json").header("Authorization", basicAuth())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
