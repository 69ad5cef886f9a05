package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.graph.ExperimentGraph;
import io.easel.run.ParityReport;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.catalog.CatalogService;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelStore;
import io.easel.server.run.ModelExportedNotice;
import io.easel.server.run.RunFixture;
import io.easel.server.security.WorkspaceRef;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A deployment's evaluation gate over HTTP, with the credit_g GBDT Spark trained and JPMML-SparkML exported. Each
 * version is that real model, registered from a run whose evaluation node reports the AUC of Spark's own predictions
 * on held-out rows ({@code expected.json}): version 1 measured on all 50 rows, version 2 on the first 25, so the two
 * versions have different real AUCs.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class DeploymentGateApiTest {

    private static final String PASSWORD = "gate-analyst-password-42";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Autowired
    CatalogService catalog;

    @Autowired
    ModelService models;

    @Autowired
    ModelStore store;

    @Autowired
    AuditLog audit;

    Api admin;
    UUID modelId;
    String suffix;
    /** The AUC the run of version 1 (index 0) and of version 2 (index 1) reported. */
    double[] auc = new double[2];

    @BeforeEach
    void registerTwoVersionsOfTheTrainedModel() throws Exception {
        admin = Api.asAdmin(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ExperimentGraph graph;
        try (var in = getClass().getResourceAsStream("/models/credit-gbdt/experiment.json")) {
            graph = Api.JSON.readValue(in, ExperimentGraph.class);
        }
        Api.Response created = admin.post("/api/experiments", Map.of("name", "Gate " + suffix, "graph", graph));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID experimentId = UUID.fromString(created.body().get("id").asString());
        int revision = created.body().get("revision").asInt();
        List<Map<String, Object>> rows = ModelFixture.CREDIT_GBDT.expectedRows();
        auc[0] = auc(rows);
        auc[1] = auc(rows.subList(0, 25));
        assertThat(auc[0]).isNotEqualTo(auc[1]).isBetween(0.5, 1.0);
        for (double measured : auc) {
            UUID runId = RunFixture.succeeded(server, WorkspaceRef.DEFAULT_ID, experimentId, revision, graph,
                    Map.of("evaluate", Map.of("report", evaluation(measured))));
            ModelExportedNotice notice = ModelFixture.CREDIT_GBDT.notice(experimentId, "Gate " + suffix, runId,
                    ModelFixture.CREDIT_GBDT.writeToStore(store, runId), true);
            server.publishEvent(notice);
            modelId = models.producedBy(runId, ModelFixture.NODE_ID).orElseThrow().modelId();
        }
        assertThat(models.version(modelId, 2).evaluations()).singleElement()
                .satisfies(e -> assertThat(e.metrics().get("auc")).isEqualTo(auc[1]));
    }

    @Test
    void shouldStoreAndReadTheRulesAndAuditTheirChange() {
        String name = deployed(1);

        Api.Response put = admin.put("/api/deployments/" + name + "/gate", Map.of("rules", List.of(
                Map.of("metric", "auc", "atLeast", 0.7), Map.of("metric", "logLoss", "atMost", 0.6),
                Map.of("metric", "auc", "notWorseThanServed", 0.01))));

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode read = admin.get("/api/deployments/" + name + "/gate").body();
        assertThat(read.get("rules")).hasSize(3);
        assertThat(read.at("/rules/0/metric").asString()).isEqualTo("auc");
        assertThat(read.at("/rules/0/atLeast").asDouble()).isEqualTo(0.7);
        assertThat(read.at("/rules/0").has("atMost")).isFalse();
        assertThat(read.at("/rules/1/atMost").asDouble()).isEqualTo(0.6);
        assertThat(read.at("/rules/2/notWorseThanServed").asDouble()).isEqualTo(0.01);
        assertThat(audited(AuditAction.GATE_CHANGED, name)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Api.ADMIN);
            assertThat(e.detail()).isEqualTo("auc ≥ 0.7, logLoss ≤ 0.6, auc ≥ served − 0.01");
        });
    }

    @Test
    void shouldRefuseAnUnknownMetricNamingTheRuleAndTheMetric() {
        String name = deployed(1);

        Api.Response put = admin.put("/api/deployments/" + name + "/gate", Map.of("rules", List.of(
                Map.of("metric", "auc", "atLeast", 0.7), Map.of("metric", "aucc", "atLeast", 0.7))));
        Api.Response deploy = deploy(2, name, Map.of("gate", Map.of("rules", List.of(Map.of("metric", "auc")))));

        assertThat(put.status()).as(put.text()).isEqualTo(400);
        assertThat(put.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(put.problemDetail()).startsWith("Gate rule 2 (aucc) names metric 'aucc', which Easel does not "
                + "know; use one of ");
        assertThat(deploy.status()).as(deploy.text()).isEqualTo(400);
        assertThat(deploy.problemDetail()).isEqualTo("Gate rule 1 (auc) needs exactly one of 'atLeast', 'atMost' "
                + "and 'notWorseThanServed'");
        assertThat(admin.get("/api/deployments/" + name + "/gate").body().get("rules")).isEmpty();
        assertThat(admin.get("/api/deployments/" + name).body().get("modelVersion").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAVersionJustAboveItsAucAndAllowItJustBelow() {
        String name = "gate-auc-" + suffix;
        double above = auc[0] + 1e-6;

        Api.Response refused = deploy(1, name, gateOf(Map.of("metric", "auc", "atLeast", above)));

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        String failure = "auc " + GateFigures.format(auc[0], above) + " is below the gate's "
                + GateFigures.format(above, auc[0]);
        assertThat(refused.problemDetail()).contains("Version 1 of model").contains("'" + name + "'")
                .contains(failure);
        assertThat(refused.body().at("/failures/0/text").asString()).isEqualTo(failure);
        assertThat(refused.body().at("/failures/0/reason").asString()).isEqualTo("BELOW");
        assertThat(refused.body().get("mayOverride").asBoolean()).isTrue();
        assertThat(refused.body().at("/failures/0/value").asDouble()).isEqualTo(auc[0]);
        assertThat(refused.body().at("/failures/0/limit").asDouble()).isEqualTo(above);
        assertThat(admin.get("/api/deployments/" + name).status()).isEqualTo(404);
        assertThat(audited(AuditAction.GATE_REFUSED, name)).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("version 1: " + failure));

        Api.Response allowed = deploy(1, name, gateOf(Map.of("metric", "auc", "atLeast", auc[0] - 1e-6)));

        assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
        assertThat(allowed.body().get("modelVersion").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/deployments/" + name + "/gate").body().at("/rules/0/atLeast").asDouble())
                .isEqualTo(auc[0] - 1e-6);
    }

    @Test
    void shouldRefuseAVersionWorseThanTheServedOneBeyondTheMargin() {
        int better = auc[0] > auc[1] ? 1 : 2;
        int worse = 3 - better;
        double gap = Math.abs(auc[0] - auc[1]);
        String name = deployed(better);
        assertThat(admin.put("/api/deployments/" + name + "/gate", rulesOf(Map.of("metric", "auc",
                "notWorseThanServed", 0))).status()).isEqualTo(200);

        Api.Response refused = deploy(worse, name, Map.of());

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().at("/failures/0/text").asString()).isEqualTo("auc "
                + GateFigures.format(auc[worse - 1], auc[better - 1]) + " is worse than the served version " + better
                + "'s " + GateFigures.format(auc[better - 1], auc[worse - 1]));
        assertThat(refused.body().at("/failures/0/servedVersion").asInt()).isEqualTo(better);
        assertThat(admin.get("/api/deployments/" + name).body().get("modelVersion").asInt()).isEqualTo(better);

        Api.Response withinMargin = deploy(worse, name, gateOf(Map.of("metric", "auc",
                "notWorseThanServed", gap + 1e-9)));
        assertThat(withinMargin.status()).as(withinMargin.text()).isEqualTo(201);
        assertThat(withinMargin.body().get("modelVersion").asInt()).isEqualTo(worse);
        Api.Response backToBetter = deploy(better, name, gateOf(Map.of("metric", "auc", "notWorseThanServed", 0)));
        assertThat(backToBetter.status()).as(backToBetter.text()).isEqualTo(201);
    }

    @Test
    void shouldLetAnAdministratorOverrideWithAReasonAndAuditIt() {
        String name = deployed(1);
        assertThat(admin.put("/api/deployments/" + name + "/gate", rulesOf(Map.of("metric", "auc", "atLeast", 0.99)))
                .status()).isEqualTo(200);

        Api.Response noReason = deploy(2, name, Map.of("override", Map.of("reason", " ")));
        Api.Response overridden = deploy(2, name, Map.of("override", Map.of("reason", "hotfix for ticket 42")));

        assertThat(noReason.status()).as(noReason.text()).isEqualTo(400);
        assertThat(noReason.problemDetail()).contains("'override.reason'");
        assertThat(overridden.status()).as(overridden.text()).isEqualTo(201);
        assertThat(overridden.body().get("modelVersion").asInt()).isEqualTo(2);
        assertThat(audited(AuditAction.GATE_OVERRIDDEN, name)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Api.ADMIN);
            assertThat(e.detail()).contains("version 2: auc ").contains("is below the gate's 0.99")
                    .endsWith("; reason: hotfix for ticket 42");
        });
        assertThat(audited(AuditAction.GATE_REFUSED, name)).isEmpty();
    }

    @Test
    void shouldForbidAnAnalystToOverrideButLetThemDeployWhatPasses() {
        String name = deployed(1);
        assertThat(admin.put("/api/deployments/" + name + "/gate", rulesOf(Map.of("metric", "auc", "atLeast", 0.99)))
                .status()).isEqualTo(200);
        String username = "gate-analyst-" + suffix;
        Api.Response user = admin.post("/api/admin/users", Map.of("username", username, "password", PASSWORD,
                "workspaces", Map.of(WorkspaceRef.DEFAULT_SLUG, "analyst")));
        assertThat(user.status()).as(user.text()).isEqualTo(201);
        Api analyst = Api.anonymous(port).as(username, PASSWORD);

        Api.Response override = analyst.post("/api/models/" + modelId + "/versions/2/deploy",
                Map.of("name", name, "override", Map.of("reason", "I am sure")));
        Api.Response refused = analyst.post("/api/models/" + modelId + "/versions/2/deploy", Map.of("name", name));
        Api.Response changed = analyst.put("/api/deployments/" + name + "/gate", Map.of("rules", List.of()));
        Api.Response passes = analyst.post("/api/models/" + modelId + "/versions/2/deploy", Map.of("name", name));

        assertThat(override.status()).as(override.text()).isEqualTo(403);
        assertThat(override.problemDetail()).contains("Only administrators may deploy a version past");
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("mayOverride").asBoolean()).isFalse();
        assertThat(refused.problemDetail()).endsWith("Only an administrator may deploy it anyway.");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(passes.status()).as(passes.text()).isEqualTo(201);
        assertThat(audited(AuditAction.GATE_OVERRIDDEN, name)).isEmpty();
        assertThat(audited(AuditAction.GATE_REFUSED, name)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(username));
        assertThat(audited(AuditAction.GATE_CHANGED, name)).extracting(AuditEntry::actor)
                .containsExactly(username, Api.ADMIN);
    }

    @Test
    void shouldKeepACanaryThatFailsTheGateACanaryUntilAborted() {
        String name = deployed(1);
        assertThat(admin.put("/api/deployments/" + name + "/gate", rulesOf(Map.of("metric", "auc", "atLeast",
                auc[1] + 1e-6))).status()).isEqualTo(200);
        String canary = "/api/deployments/" + name + "/canary";

        Api.Response started = admin.post(canary, Map.of("version", 2, "percent", 30));
        Api.Response promoted = admin.post(canary + "/promote", Map.of());
        JsonNode afterRefusal = admin.get("/api/deployments/" + name).body();
        Api.Response aborted = admin.post(canary + "/abort", Map.of());

        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(promoted.status()).as(promoted.text()).isEqualTo(409);
        assertThat(promoted.body().at("/failures/0/reason").asString()).isEqualTo("BELOW");
        assertThat(promoted.problemDetail()).contains("is below the gate's");
        assertThat(afterRefusal.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(afterRefusal.get("canaryVersion").asInt()).isEqualTo(2);
        assertThat(aborted.status()).as(aborted.text()).isEqualTo(200);
        assertThat(audited(AuditAction.GATE_REFUSED, name)).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("model " + modelId + " version 2: auc "));
        assertThat(audited(AuditAction.CANARY_PROMOTED, name)).isEmpty();
    }

    @Test
    void shouldRefuseAModelWhosePmmlDisagreedWithSparkUnlessAnAdministratorOverrides() {
        UUID runId = UUID.randomUUID();
        ModelExportedNotice exported = ModelFixture.CREDIT_GBDT.notice(UUID.randomUUID(), "Flagged " + suffix, runId,
                ModelFixture.CREDIT_GBDT.writeToStore(store, runId), true);
        RunEvent.ModelExported model = exported.model();
        server.publishEvent(new ModelExportedNotice(exported.workspaceId(), exported.experimentId(),
                exported.experimentName(), exported.experimentRevision(), runId, new RunEvent.ModelExported(
                        model.nodeId(), model.port(), model.uri(), model.inputs(), model.label(), model.metrics(),
                        model.at(), model.lineage(), ParityReport.of(240, 40, 0, 0.12, 7))));
        UUID flagged = models.producedBy(runId, ModelFixture.NODE_ID).orElseThrow().modelId();
        String name = "gate-parity-" + suffix;
        Map<String, Object> request = Map.of("modelId", flagged, "version", 1, "name", name);

        Api.Response refused = admin.post("/api/deployments", request);
        int afterRefusal = admin.get("/api/deployments/" + name).status();
        Api.Response overridden = admin.post("/api/deployments", Map.of("modelId", flagged, "version", 1, "name",
                name, "override", Map.of("reason", "differences understood")));

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().at("/failures/0/reason").asString()).isEqualTo("PARITY");
        assertThat(refused.problemDetail()).contains("version 1 was flagged at export: PMML disagrees with Spark on "
                + "240 rows: 7 predicted labels differ, max difference 0.12");
        assertThat(afterRefusal).as("nothing deployed").isEqualTo(404);
        assertThat(overridden.status()).as(overridden.text()).isEqualTo(201);
        assertThat(audited(AuditAction.GATE_OVERRIDDEN, name)).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("; reason: differences understood"));
    }

    /** Deploys a version of the model under a fresh name, without a gate; returns the name. */
    private String deployed(int version) {
        String name = "gate-" + version + "-" + suffix;
        Api.Response deployed = deploy(version, name, Map.of());
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        return name;
    }

    private Api.Response deploy(int version, String name, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
        body.put("modelId", modelId);
        body.put("version", version);
        body.put("name", name);
        return admin.post("/api/deployments", body);
    }

    /** A deploy request's gate of one rule. */
    private static Map<String, Object> gateOf(Map<String, Object> rule) {
        return Map.of("gate", rulesOf(rule));
    }

    /** A gate of one rule, as PUT .../gate takes it. */
    private static Map<String, Object> rulesOf(Map<String, Object> rule) {
        return Map.of("rules", List.of(rule));
    }

    private List<AuditEntry> audited(AuditAction action, String deployment) {
        return audit.recent(action, null, 500).stream().filter(e -> deployment.equals(e.target())).toList();
    }

    /** The report the evaluation node sends, in the catalog's vocabulary, with the AUC it measured. */
    private PortResult evaluation(double measured) {
        ReportSpec spec = (ReportSpec) ((SchemaRule.Fixed) catalog.find("binary-classification-evaluation")
                .orElseThrow().output("report").orElseThrow().schema()).spec();
        return new PortResult(spec, null, null, Map.of("auc", measured, "rows", 50), Map.of(), null);
    }

    /**
     * The area under the ROC curve of Spark's scores (the probability of "bad") against the actual classes: the
     * share of (bad, good) pairs the model ranks right, ties counting half.
     */
    private static double auc(List<Map<String, Object>> rows) {
        List<Double> bad = scores(rows, "bad");
        List<Double> good = scores(rows, "good");
        double right = 0;
        for (double b : bad) {
            for (double g : good) {
                right += b > g ? 1 : b == g ? 0.5 : 0;
            }
        }
        return right / (bad.size() * (double) good.size());
    }

    private static List<Double> scores(List<Map<String, Object>> rows, String actual) {
        return rows.stream().filter(r -> actual.equals(r.get("actual")))
                .map(r -> ((Number) r.get("score")).doubleValue()).toList();
    }
}
