package io.easel.server.deployment;

import static io.easel.server.deployment.PrometheusSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ColumnSpec;
import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Input drift over real HTTP: the engine's credit GBDT, whose model.json carries the training profile the engine
 * counted at export, deployed and fed credit_g records as they are, and with {@code credit_amount} shifted by three
 * standard deviations.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class DriftApiTest {

    /** The standard deviation of credit_g's credit_amount (2,822.7), rounded. */
    private static final int CREDIT_AMOUNT_STD = 2823;
    /** The sample dataset the model trained on, as the built-in components bundle it (the tests run in server/). */
    private static final Path CREDIT_G = Path.of(
            "../components/builtin/src/main/resources/io/easel/components/datasets/credit_g.csv");

    private static List<Map<String, Object>> creditG;

    @Autowired
    ApplicationContext server;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void readCreditG() throws IOException {
        List<ColumnSpec> inputs = Api.JSON.convertValue(ModelFixture.CREDIT_GBDT.descriptor().get("inputs"),
                new TypeReference<List<ColumnSpec>>() {});
        List<String> lines = Files.readAllLines(CREDIT_G);
        List<String> header = List.of(lines.getFirst().split(","));
        creditG = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            Map<String, Object> record = new LinkedHashMap<>();
            for (ColumnSpec input : inputs) {
                String value = values[header.indexOf(input.name())];
                record.put(input.name(), input.type().isNumeric() ? Integer.valueOf(value) : value);
            }
            creditG.add(record);
        }
    }

    @Test
    void shouldFlagNoFeatureForRecordsLikeTheTrainingData() {
        String name = deploy();
        Api admin = Api.asAdmin(port);
        score(admin, name, creditG.subList(0, 500));

        JsonNode version = admin.get("/api/deployments/" + name + "/drift").body().path("versions").get(0);

        assertThat(version.path("recordsInWindow").asInt()).isEqualTo(500);
        assertThat(version.path("status").asString()).as(version.toString()).isEqualTo("STABLE");
        assertThat(version.path("flaggedFeatures").asInt()).isZero();
        assertThat(version.path("features")).hasSize(20);
        for (JsonNode feature : version.path("features")) {
            assertThat(feature.path("psi").asDouble()).as(feature.path("name").asString()).isLessThan(0.1);
            assertThat(feature.path("flagged").asBoolean()).isFalse();
        }
    }

    @Test
    void shouldFlagTheNumericFeatureShiftedByThreeStandardDeviations() {
        String name = deploy();
        Api admin = Api.asAdmin(port);
        List<Map<String, Object>> shifted = creditG.subList(0, 500).stream().map(record -> {
            Map<String, Object> copy = new LinkedHashMap<>(record);
            copy.put("credit_amount", (Integer) record.get("credit_amount") + 3 * CREDIT_AMOUNT_STD);
            return copy;
        }).toList();
        score(admin, name, shifted);

        Api.Response response = admin.get("/api/deployments/" + name + "/drift");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("deployment").asString()).isEqualTo(name);
        assertThat(response.body().path("threshold").asDouble()).isEqualTo(0.2);
        JsonNode version = response.body().path("versions").get(0);
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("status").asString()).isEqualTo("DRIFTED");
        assertThat(version.path("flaggedFeatures").asInt()).isEqualTo(1);
        assertThat(version.path("message").asString()).startsWith("1 feature drifted over the last 500 records")
                .endsWith(": credit_amount");
        for (JsonNode feature : version.path("features")) {
            boolean creditAmount = feature.path("name").asString().equals("credit_amount");
            assertThat(feature.path("flagged").asBoolean()).as(feature.path("name").asString())
                    .isEqualTo(creditAmount);
            if (creditAmount) {
                assertThat(feature.path("psi").asDouble()).isGreaterThan(1);
                // Nearly every shifted amount lies beyond the training's top decile edge: the last value bin
                JsonNode bins = feature.path("bins");
                JsonNode top = bins.get(bins.size() - 2);
                assertThat(top.path("label").asString()).startsWith("≥ ");
                assertThat(top.path("expected").asDouble()).isBetween(0.05, 0.15);
                assertThat(top.path("actual").asDouble()).isGreaterThan(0.9);
                assertThat(bins.get(bins.size() - 1).path("label").asString()).isEqualTo("missing");
            }
        }
        // The same PSI as a gauge for Prometheus, per feature
        String metrics = admin.get("/actuator/prometheus").text();
        String labels = "deployment=\"" + name + "\",feature=\"%s\",version=\"1\",workspace=\"default\"";
        assertThat(sample(metrics, "easel_serving_drift_psi", labels.formatted("credit_amount")))
                .isCloseTo(features(version).get("credit_amount").path("psi").asDouble(), within(1e-9));
        assertThat(sample(metrics, "easel_serving_drift_psi", labels.formatted("age"))).isLessThan(0.2);
    }

    @Test
    void shouldSayThereAreNotEnoughRecordsYet() {
        String name = deploy();
        Api admin = Api.asAdmin(port);
        score(admin, name, creditG.subList(0, 40));

        JsonNode version = admin.get("/api/deployments/" + name + "/drift").body().path("versions").get(0);

        assertThat(version.path("status").asString()).isEqualTo("NOT_ENOUGH_RECORDS");
        assertThat(version.path("message").asString()).isEqualTo("Not enough served records yet: 40 of the 100 needed");
        assertThat(version.path("features").get(0).path("psi").isNull()).isTrue();
        assertThat(version.path("features").get(0).path("bins").get(0).path("expected").asDouble()).isPositive();
    }

    @Test
    void shouldSayAVersionWithoutATrainingProfileHasNone() {
        // credit-gbdt-filled's model.json predates training profiles
        String name = ModelFixture.CREDIT_GBDT_FILLED.deploy(server, "drift-" + UUID.randomUUID().toString()
                .substring(0, 8)).substring("/api/score/".length());

        JsonNode version = Api.asAdmin(port).get("/api/deployments/" + name + "/drift").body().path("versions").get(0);

        assertThat(version.path("status").asString()).isEqualTo("NO_TRAINING_PROFILE");
        assertThat(version.path("message").asString()).startsWith("No training profile: ");
        assertThat(version.path("features")).isEmpty();
    }

    @Test
    void shouldAnswer404ForAnUnknownDeploymentAnd401WithoutSignIn() {
        String name = deploy();

        Api.Response unknown = Api.asAdmin(port).get("/api/deployments/no-such-deployment/drift");
        Api.Response anonymous = Api.anonymous(port).get("/api/deployments/" + name + "/drift");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemDetail()).contains("no-such-deployment");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static Map<String, JsonNode> features(JsonNode version) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        version.path("features").forEach(feature -> byName.put(feature.path("name").asString(), feature));
        return byName;
    }

    private String deploy() {
        String name = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        return ModelFixture.CREDIT_GBDT.deploy(server, name).substring("/api/score/".length());
    }

    /** Scores the records in requests of 50, as clients batch them. */
    private static void score(Api api, String name, List<Map<String, Object>> records) {
        for (int from = 0; from < records.size(); from += 50) {
            Api.Response response = api.post("/api/score/" + name,
                    records.subList(from, Math.min(records.size(), from + 50)));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
        }
    }
}
