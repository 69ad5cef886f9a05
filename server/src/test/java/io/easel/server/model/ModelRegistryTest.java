package io.easel.server.model;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import org.junit.jupiter.api.extension.ExtendWith;
import io.easel.server.security.WorkspaceRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.run.ParityReport;
import io.easel.run.RunEvent;
import io.easel.server.ServerTest;
import io.easel.server.run.ModelExportedNotice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServerTest
@ExtendWith(AsAdministrator.class)
class ModelRegistryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ModelService models;

    @Autowired
    ModelStore store;

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldRegisterEachRunsExportAsTheNextVersionOfTheExperimentNodesModel() {
        UUID experimentId = UUID.randomUUID();
        UUID firstRun = UUID.randomUUID();
        UUID secondRun = UUID.randomUUID();

        events.publishEvent(ModelFixture.CREDIT_GBDT.notice(experimentId, "Credit risk", firstRun,
                ModelFixture.CREDIT_GBDT.writeToStore(store, firstRun), true));
        ModelVersionView first = models.producedBy(firstRun, "gbdt").orElseThrow();
        events.publishEvent(ModelFixture.CREDIT_GBDT.notice(experimentId, "Credit risk", secondRun,
                ModelFixture.CREDIT_GBDT.writeToStore(store, secondRun), true));
        ModelVersionView second = models.producedBy(secondRun, "gbdt").orElseThrow();

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.modelId()).isEqualTo(first.modelId());
        assertThat(second.modelName()).isEqualTo("Credit risk / gbdt");
        assertThat(second.pmmlUri()).isEqualTo(store.pmmlLocation(secondRun, "gbdt").toString());
        assertThat(second.inputs()).hasSize(20).startsWith(ColumnSpec.of("checking_status", DataType.STRING),
                ColumnSpec.of("duration", DataType.INTEGER));
        assertThat(second.label()).isEqualTo(ColumnSpec.of("class", DataType.STRING));
        assertThat(second.metrics()).containsEntry("trainingRows", 861).containsEntry("positiveLabel", "bad");

        ModelView model = models.get(first.modelId());
        assertThat(model.experimentId()).isEqualTo(experimentId);
        assertThat(model.nodeId()).isEqualTo("gbdt");
        assertThat(model.latestVersion()).isEqualTo(2);
        assertThat(model.versions()).extracting(ModelVersionView::runId).containsExactly(firstRun, secondRun);
        assertThat(models.latestVersion(first.modelId())).isEqualTo(second);
        assertThat(models.version(first.modelId(), 1)).isEqualTo(first);
        assertThat(models.list(WorkspaceRef.DEFAULT)).extracting(ModelView::id).contains(first.modelId());
    }

    @Test
    void shouldRegisterAnExportReportedTwiceOnce() {
        UUID experimentId = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        var notice = ModelFixture.CREDIT_GBDT.notice(experimentId, "Twice", run,
                ModelFixture.CREDIT_GBDT.writeToStore(store, run), true);

        events.publishEvent(notice);
        events.publishEvent(notice);

        UUID modelId = models.producedBy(run, "gbdt").orElseThrow().modelId();
        assertThat(models.get(modelId).versions()).hasSize(1);
    }

    @Test
    void shouldTakeTheInputsFromModelJsonWhenTheExportNamesNone() {
        UUID run = UUID.randomUUID();
        events.publishEvent(ModelFixture.CREDIT_GBDT.notice(UUID.randomUUID(), "No inputs", run,
                ModelFixture.CREDIT_GBDT.writeToStore(store, run), false));

        assertThat(models.producedBy(run, "gbdt").orElseThrow().inputs())
                .hasSize(20)
                .contains(ColumnSpec.of("age", DataType.INTEGER), ColumnSpec.of("job", DataType.STRING));
    }

    @Test
    void shouldAnswerUnknownModelsAndVersionsWith404() throws Exception {
        UUID run = UUID.randomUUID();
        events.publishEvent(ModelFixture.CREDIT_GBDT.notice(UUID.randomUUID(), "Known", run,
                ModelFixture.CREDIT_GBDT.writeToStore(store, run), true));
        UUID modelId = models.producedBy(run, "gbdt").orElseThrow().modelId();
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> noModel = get("/api/models/" + unknown);
        HttpResponse<String> noVersion = get("/api/models/" + modelId + "/versions/7");

        assertThat(noModel.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noModel.body()).path("detail").asString()).isEqualTo("There is no model " + unknown);
        assertThat(noVersion.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noVersion.body()).path("detail").asString())
                .isEqualTo("Model " + modelId + " has no version 7");
        assertThatThrownBy(() -> models.version(modelId, 7)).isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void shouldServeModelsVersionsAndThePmmlOverRest() throws Exception {
        UUID run = UUID.randomUUID();
        ModelExportedNotice exported = ModelFixture.CREDIT_GBDT.notice(UUID.randomUUID(), "Rest", run,
                ModelFixture.CREDIT_GBDT.writeToStore(store, run), true);
        events.publishEvent(withParity(exported, ParityReport.of(240, 40, 0, 3.3e-16, 0)));
        UUID modelId = models.producedBy(run, "gbdt").orElseThrow().modelId();

        JsonNode list = JSON.readTree(get("/api/models").body());
        JsonNode model = JSON.readTree(get("/api/models/" + modelId).body());
        JsonNode version = JSON.readTree(get("/api/models/" + modelId + "/versions/1").body());
        HttpResponse<byte[]> pmml = HTTP.send(HttpRequest.newBuilder(uri("/api/models/" + modelId
                + "/versions/1/pmml")).header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(list.values()).anySatisfy(m -> assertThat(m.path("id").asString()).isEqualTo(modelId.toString()));
        assertThat(model.path("name").asString()).isEqualTo("Rest / gbdt");
        assertThat(model.path("versions").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(version.path("inputs").get(1).path("name").asString()).isEqualTo("duration");
        assertThat(version.path("inputs").get(1).path("type").asString()).isEqualTo("integer");
        assertThat(version.path("label").path("name").asString()).isEqualTo("class");
        assertThat(version.path("runId").asString()).isEqualTo(run.toString());
        assertThat(pmml.statusCode()).isEqualTo(200);
        assertThat(pmml.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                h -> assertThat(h).startsWith("attachment").contains(".pmml"));
        assertThat(pmml.body()).isEqualTo(ModelFixture.CREDIT_GBDT.resource("model.pmml"));
        // The engine's parity check, kept with the version
        assertThat(version.at("/parity/rowsCompared").asInt()).isEqualTo(240);
        assertThat(version.at("/parity/perturbedRows").asInt()).isEqualTo(40);
        assertThat(version.at("/parity/maxDifference").asDouble()).isEqualTo(3.3e-16);
        assertThat(version.get("parity").get("flagged").asBoolean()).isFalse();
        assertThat(version.at("/parity/summary").asString())
                .isEqualTo("PMML agrees with Spark on 240 rows (max difference 3.3e-16)");
        assertThat(model.at("/versions/0/parity/rowsCompared").asInt()).isEqualTo(240);
    }

    @Test
    void shouldKeepAFlaggedParityReportWithTheVersion() {
        UUID run = UUID.randomUUID();
        events.publishEvent(withParity(ModelFixture.CREDIT_GBDT.notice(UUID.randomUUID(), "Flagged", run,
                ModelFixture.CREDIT_GBDT.writeToStore(store, run), true), ParityReport.of(240, 40, 3, 0.12, 7)));

        ModelVersionView version = models.producedBy(run, "gbdt").orElseThrow();

        assertThat(version.flagged()).isTrue();
        assertThat(version.parity().labelMismatches()).isEqualTo(7);
        assertThat(version.parity().refusedBySpark()).isEqualTo(3);
        assertThat(version.parity().summary()).isEqualTo(
                "PMML disagrees with Spark on 240 rows: 7 predicted labels differ, max difference 0.12; Spark refused "
                        + "3 rows");
    }

    /** The notice as an engine that checked parity sends it. */
    private static ModelExportedNotice withParity(ModelExportedNotice notice, ParityReport parity) {
        RunEvent.ModelExported model = notice.model();
        return new ModelExportedNotice(notice.workspaceId(), notice.experimentId(), notice.experimentName(),
                notice.experimentRevision(), notice.runId(), new RunEvent.ModelExported(model.nodeId(), model.port(),
                        model.uri(), model.inputs(), model.label(), model.metrics(), model.at(), model.lineage(),
                        parity));
    }

    @Test
    void shouldNameTheUriWhenTheStoreCannotDeliverAFile() throws Exception {
        String gone = store.root().resolve("no-such-run/gbdt/model.pmml").toString();
        UUID run = UUID.randomUUID();
        events.publishEvent(ModelFixture.CREDIT_GBDT.notice(UUID.randomUUID(), "Gone", run, gone, true));
        UUID modelId = models.producedBy(run, "gbdt").orElseThrow().modelId();

        HttpResponse<String> response = get("/api/models/" + modelId + "/versions/1/pmml");

        assertThatThrownBy(() -> store.read(gone)).isInstanceOf(ModelStoreException.class).hasMessageContaining(gone);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(gone);
    }

    @Test
    void shouldDefaultTheStoreToTheModelsDirectoryOfTheDataDirectory() {
        assertThat(store.root().getScheme()).isEqualTo("file");
        assertThat(store.root().toString()).endsWith("/models/");
        assertThat(store.pmmlLocation(UUID.fromString("00000000-0000-0000-0000-000000000001"), "gbdt").toString())
                .endsWith("/models/00000000-0000-0000-0000-000000000001/gbdt/model.pmml");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
