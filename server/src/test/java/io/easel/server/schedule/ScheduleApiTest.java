package io.easel.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.graph.ExperimentGraph;
import io.easel.run.RunState;
import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelStore;
import io.easel.server.run.ModelExportedNotice;
import io.easel.server.run.RunHistory;
import io.easel.server.run.RunService;
import io.easel.server.run.RunSummary;
import io.easel.server.run.RunTrigger;
import io.easel.server.security.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Experiment schedules over the REST API, and their firing by tickers with fixed clocks (the server's own ticker runs
 * too, on the real clock: the schedules here are due on 29 February only, far from the real date).
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class ScheduleApiTest {

    /** Every 29 February at 03:00: due never while the tests run on the real clock. */
    private static final String LEAP_DAYS = "0 0 3 29 2 *";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Autowired
    ScheduleService schedules;

    @Autowired
    ScheduleRepository scheduleRepository;

    @Autowired
    PendingPromotionRepository promotions;

    @Autowired
    ScheduledCanaryRepository canaries;

    @Autowired
    DeploymentService deployments;

    @Autowired
    RunService runs;

    @Autowired
    RunHistory history;

    @Autowired
    SchedulePromotion promotion;

    @Autowired
    AuditLog audit;

    Api api;

    @BeforeEach
    void signIn() {
        api = Api.asAdmin(port);
    }

    /** A ticker fires every schedule due at its clock: no test's schedule may be left for the next test's tickers. */
    @AfterEach
    void removeSchedules() {
        scheduleRepository.deleteAll();
    }

    @Test
    void shouldPutGetAndDeleteAScheduleAndAuditTheChanges() {
        String experiment = createExperiment("Nightly", Graphs.creditSplit(0.8));
        String path = "/api/experiments/" + experiment + "/schedule";
        assertThat(api.get(path).status()).isEqualTo(404);

        Api.Response put = api.put(path, Map.of("cron", "0 3 * * *", "zone", "Asia/Shanghai", "missed", "skip",
                "promoteTo", "nightly-credit", "enabled", true));

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode saved = put.body();
        assertThat(saved.get("cron").asString()).isEqualTo("0 0 3 * * *");
        assertThat(saved.get("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(saved.get("missed").asString()).isEqualTo("skip");
        assertThat(saved.get("promoteTo").asString()).isEqualTo("nightly-credit");
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.get("owner").asString()).isEqualTo(Api.ADMIN);
        // 03:00 in Shanghai is 19:00 UTC, within the next day
        Instant next = Instant.parse(saved.get("nextFireAt").asString());
        assertThat(next.atZone(ZoneOffset.UTC).getHour()).isEqualTo(19);
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
        assertThat(api.get(path).body()).isEqualTo(saved);

        // Defaults: UTC, run-once, enabled, no promotion.
        JsonNode changed = api.put(path, Map.of("cron", "0 0 3 29 2 *")).body();
        assertThat(changed.get("zone").asString()).isEqualTo("UTC");
        assertThat(changed.get("missed").asString()).isEqualTo("run-once");
        assertThat(changed.get("enabled").asBoolean()).isTrue();
        assertThat(changed.get("promoteTo").isNull()).isTrue();
        assertThat(changed.get("canaryPercent").isNull()).isTrue();

        JsonNode canary = api.put(path, Map.of("cron", "0 0 3 29 2 *", "promoteTo", "nightly-credit",
                "canaryPercent", 10, "canaryFor", "1h30m")).body();
        assertThat(canary.get("canaryPercent").asInt()).isEqualTo(10);
        assertThat(Duration.parse(canary.get("canaryFor").asString())).isEqualTo(Duration.ofMinutes(90));

        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.delete(path).status()).isEqualTo(404);
        assertThat(audited(AuditAction.SCHEDULE_CHANGED, "experiment " + experiment)).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.actor()).isEqualTo(Api.ADMIN))
                .anySatisfy(entry -> assertThat(entry.detail()).isEqualTo(
                        "cron '0 0 3 * * *' in Asia/Shanghai, missed skip, promote to nightly-credit"))
                .anySatisfy(entry -> assertThat(entry.detail()).isEqualTo("cron '0 0 3 29 2 *' in UTC, missed "
                        + "run-once, promote to nightly-credit as a canary taking 10 % for PT1H30M"));
        assertThat(audited(AuditAction.SCHEDULE_REMOVED, "experiment " + experiment)).hasSize(1);
    }

    @Test
    void shouldRefuseBadSettingsWithAProblemNamingTheField() {
        String path = "/api/experiments/" + createExperiment("Refusals", Graphs.creditSplit(0.8)) + "/schedule";

        assertProblem(api.put(path, Map.of("cron", "61 * * * *")), "cron",
                "cron: '61 * * * *' is not a cron expression: ");
        assertProblem(api.put(path, Map.of("cron", "every night")), "cron",
                "cron: 'every night' is not a cron expression: ");
        assertProblem(api.put(path, Map.of("zone", "UTC")), "cron", "cron: a cron expression is required");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "zone", "Mars/Olympus_Mons")), "zone",
                "zone: 'Mars/Olympus_Mons' is not a time zone: ");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "missed", "sometimes")), "missed",
                "missed: 'sometimes' is not a policy for missed firings: use 'run-once'");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "promoteTo", "Credit Risk!")), "promoteTo",
                "promoteTo: 'Credit Risk!' is not a deployment name: use 1 to 63 lowercase letters");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "promoteTo", "credit", "canaryPercent", 100)),
                "canaryPercent", "canaryPercent: 100 is not a canary's share: use a whole number from 1 to 99");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "canaryPercent", 10)), "canaryPercent",
                "canaryPercent: a canary needs promoteTo");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "promoteTo", "credit", "canaryFor", "2h")),
                "canaryFor", "canaryFor: given without canaryPercent");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "promoteTo", "credit", "canaryPercent", 10,
                "canaryFor", "a while")), "canaryFor", "canaryFor: 'a while' is not a duration: write e.g. 30m");
        assertProblem(api.put(path, Map.of("cron", "0 3 * * *", "promoteTo", "credit", "canaryPercent", 10,
                "canaryFor", "30s")), "canaryFor", "canaryFor: '30s' is too short");
        assertThat(api.get(path).status()).as("nothing was saved").isEqualTo(404);
        assertThat(api.put("/api/experiments/" + UUID.randomUUID() + "/schedule", Map.of("cron", "0 3 * * *"))
                .status()).isEqualTo(404);
    }

    @Test
    void shouldLetViewersReadASchedulePeopleWithTheAnalystRoleSetAndApiKeysNot() {
        String path = "/api/experiments/" + createExperiment("Roles", Graphs.creditSplit(0.8)) + "/schedule";
        assertThat(api.put(path, Map.of("cron", "0 3 * * *")).status()).isEqualTo(200);
        String viewerName = "schedule-viewer-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/admin/users", Map.of("username", viewerName, "password",
                "viewer-password-42", "workspaces", Map.of(WorkspaceRef.DEFAULT_SLUG, "viewer")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api viewer = Api.anonymous(port).as(viewerName, "viewer-password-42");
        Api.Response key = api.post("/api/workspaces/default/api-keys", Map.of("name", "schedules", "role",
                "analyst"));
        assertThat(key.status()).as(key.text()).isEqualTo(201);
        Api analystKey = Api.anonymous(port).withKey(key.body().get("key").asString());

        assertThat(viewer.get(path).status()).isEqualTo(200);
        assertThat(viewer.put(path, Map.of("cron", "0 4 * * *")).status()).isEqualTo(403);
        assertThat(viewer.delete(path).status()).isEqualTo(403);
        Api.Response byKey = analystKey.put(path, Map.of("cron", "0 4 * * *"));
        assertThat(byKey.status()).isEqualTo(403);
        assertThat(byKey.problemDetail()).contains("as the person who sets it");
        assertThat(api.get(path).body().get("cron").asString()).isEqualTo("0 0 3 * * *");
    }

    @Test
    void shouldStartExactlyOneRunWhenTwoSchedulersRaceOverOneDueSchedule() throws Exception {
        UUID experiment = UUID.fromString(createExperiment("Raced", Graphs.creditSplit(0.8)));
        ScheduleView schedule = schedules.put(experiment, new ScheduleRequest(LEAP_DAYS, "UTC", "skip", null, true));
        Clock dueNow = Clock.fixed(schedule.nextFireAt().plusSeconds(5), ZoneOffset.UTC);
        ScheduleTicker first = ticker(dueNow);
        ScheduleTicker second = ticker(dueNow);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> ticks = Stream.of(first, second).<Future<?>>map(ticker -> threads.submit(() -> {
                go.await();
                ticker.tick();
                return null;
            })).toList();
            go.countDown();
            for (Future<?> tick : ticks) {
                tick.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<RunSummary> started = history.of(experiment);
        try {
            assertThat(started).singleElement().satisfies(run -> assertThat(run.trigger())
                    .isEqualTo(RunTrigger.SCHEDULE));
            ScheduleView after = schedules.get(experiment);
            assertThat(after.lastRunId()).isEqualTo(started.getFirst().id());
            assertThat(after.lastFiredAt()).isEqualTo(dueNow.instant());
            assertThat(after.nextFireAt()).isEqualTo(new CronSchedule(LEAP_DAYS, ZoneOffset.UTC)
                    .nextAfter(dueNow.instant()));
            // The run's history line over REST says what started it.
            assertThat(api.get("/api/experiments/" + experiment + "/runs/history").body().get(0).get("trigger")
                    .asString()).isEqualTo("schedule");
        } finally {
            started.forEach(run -> runs.cancel(run.id()));
        }
    }

    @Test
    void shouldSkipAMissedFiringWhenTheScheduleSaysSkip() {
        UUID experiment = UUID.fromString(createExperiment("Skips", Graphs.creditSplit(0.8)));
        ScheduleView schedule = schedules.put(experiment, new ScheduleRequest(LEAP_DAYS, "UTC", "skip", null, true));
        // The server was down for two hours over the firing.
        Clock late = Clock.fixed(schedule.nextFireAt().plus(Duration.ofHours(2)), ZoneOffset.UTC);

        ticker(late).tick();

        assertThat(history.of(experiment)).isEmpty();
        ScheduleView after = schedules.get(experiment);
        assertThat(after.nextFireAt()).isAfter(late.instant())
                .isEqualTo(new CronSchedule(LEAP_DAYS, ZoneOffset.UTC).nextAfter(late.instant()));
        assertThat(after.lastFiredAt()).isNull();
    }

    @Test
    void shouldRunOnceForAllTheFiringsMissedWhenTheScheduleSaysRunOnce() {
        UUID experiment = UUID.fromString(createExperiment("Catches up", Graphs.creditSplit(0.8)));
        ScheduleView schedule = schedules.put(experiment, new ScheduleRequest(LEAP_DAYS, "UTC", "run-once", null,
                true));
        CronSchedule cron = new CronSchedule(LEAP_DAYS, ZoneOffset.UTC);
        // Down over two firings (two leap days).
        Clock late = Clock.fixed(cron.nextAfter(schedule.nextFireAt()).plus(Duration.ofDays(1)), ZoneOffset.UTC);
        ScheduleTicker ticker = ticker(late);

        ticker.tick();
        ticker.tick();

        List<RunSummary> started = history.of(experiment);
        try {
            assertThat(started).singleElement().satisfies(run -> assertThat(run.trigger())
                    .isEqualTo(RunTrigger.SCHEDULE));
            assertThat(schedules.get(experiment).nextFireAt()).isEqualTo(cron.nextAfter(late.instant()));
        } finally {
            started.forEach(run -> runs.cancel(run.id()));
        }
    }

    /**
     * The credit-scoring experiment, whose model version 1 is deployed, retrains on its schedule on the real engine;
     * its model version 2 is promoted to the deployment, which then scores as version 2.
     */
    @Test
    void shouldPromoteTheModelOfASuccessfulScheduledRunAndScoreAsThatVersion() throws IOException {
        ExperimentGraph graph;
        try (InputStream in = getClass().getResourceAsStream("/experiments/credit-scoring.json")) {
            graph = Api.JSON.readValue(in, ExperimentGraph.class);
        }
        String name = "Scheduled credit " + UUID.randomUUID().toString().substring(0, 8);
        UUID experiment = UUID.fromString(createExperiment(name, graph));
        ModelExportedNotice first = ModelFixture.CREDIT_GBDT.export(server.getBean(ModelStore.class), experiment,
                name);
        server.publishEvent(first);
        ModelService models = server.getBean(ModelService.class);
        UUID modelId = models.producedBy(first.runId(), ModelFixture.NODE_ID).orElseThrow().modelId();
        String deployment = "scheduled-" + experiment.toString().substring(0, 8);
        assertThat(deployments.deploy(modelId, 1, deployment).modelVersion()).isEqualTo(1);
        ScheduleView schedule = schedules.put(experiment, new ScheduleRequest(LEAP_DAYS, "UTC", "run-once",
                deployment, true));
        ScheduleTicker ticker = ticker(Clock.fixed(schedule.nextFireAt().plusSeconds(1), ZoneOffset.UTC));

        ticker.tick();

        UUID runId = schedules.get(experiment).lastRunId();
        assertThat(runId).as(schedules.get(experiment).lastProblem()).isNotNull();
        assertThat(await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> runs.get(runId).state(), RunState::isFinal)).isEqualTo(RunState.SUCCEEDED);
        // This ticker or the server's own promotes it, whichever claims it first.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ticker.tick();
            assertThat(deployments.get(WorkspaceRef.DEFAULT, deployment).modelVersion()).isEqualTo(2);
        });
        assertThat(models.producedBy(runId)).singleElement().satisfies(version -> {
            assertThat(version.modelId()).isEqualTo(modelId);
            assertThat(version.version()).isEqualTo(2);
        });
        assertThat(promotions.findById(runId)).isEmpty();
        assertThat(audited(AuditAction.PROMOTED_BY_SCHEDULE, deployment)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(Api.ADMIN);
            assertThat(entry.detail()).isEqualTo("model " + modelId + " version 2 from scheduled run " + runId);
        });

        Api.Response scored = api.post("/api/score/" + deployment, ModelFixture.CREDIT_GBDT.records());
        assertThat(scored.status()).as(scored.text()).isEqualTo(200);
        assertThat(scored.body().get("modelVersion").asInt()).isEqualTo(2);
        assertThat(scored.body().get("predictions")).hasSize(ModelFixture.CREDIT_GBDT.records().size());
    }

    @Test
    void shouldAuditARefusedPromotionWithoutFailingTheRun() {
        UUID experiment = UUID.fromString(createExperiment("Refused", Graphs.creditSplit(0.8)));
        ScheduleView schedule = schedules.put(experiment, new ScheduleRequest(LEAP_DAYS, "UTC", "run-once",
                "refused-" + experiment.toString().substring(0, 8), true));
        ticker(Clock.fixed(schedule.nextFireAt().plusSeconds(1), ZoneOffset.UTC)).tick();
        UUID runId = schedules.get(experiment).lastRunId();
        PendingPromotionEntity pending = promotions.findById(runId).orElseThrow();
        runs.cancel(runId);

        // A split exports no model: promoting its run is refused and audited, and the run stays as it ended.
        assertThat(pending.owner().act(() -> promotion.promote(pending))).isEmpty();

        assertThat(audited(AuditAction.PROMOTION_REFUSED, pending.promoteTo())).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(Api.ADMIN);
                    assertThat(entry.detail()).isEqualTo("the run exported no model");
                });
        assertThat(runs.get(runId).state()).isEqualTo(RunState.CANCELLED);
    }

    /**
     * A schedule that asks for a canary first: the new version starts as a 25 % canary beside the served one, and a
     * tick two hours later (not a minute earlier) promotes it, through the gate.
     */
    @Test
    void shouldStartTheNewVersionAsACanaryAndPromoteItWhenItsTimeHasCome() {
        CanaryPromotion canary = canaryPromotion("Canary first", Map.of());

        Instant promoteAt = canaries.findById(canary.runId()).orElseThrow().promoteAt();
        assertThat(canary.deployment().canaryVersion()).isEqualTo(2);
        assertThat(canary.deployment().canaryPercent()).isEqualTo(25);
        assertThat(canary.deployment().modelVersion()).isEqualTo(1);
        assertThat(Duration.between(Instant.now(), promoteAt)).isBetween(Duration.ofMinutes(119),
                Duration.ofHours(2));
        assertThat(audited(AuditAction.PROMOTED_BY_SCHEDULE, canary.name())).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("model " + canary.modelId()
                        + " version 2 from scheduled run " + canary.runId() + " as a canary taking 25 %, to be "
                        + "promoted at " + promoteAt));

        ticker(Clock.fixed(promoteAt.minusSeconds(60), ZoneOffset.UTC)).tick();
        assertThat(deployments.get(WorkspaceRef.DEFAULT, canary.name()).canaryVersion()).isEqualTo(2);

        ticker(Clock.fixed(promoteAt.plusSeconds(1), ZoneOffset.UTC)).tick();

        assertThat(deployments.get(WorkspaceRef.DEFAULT, canary.name())).satisfies(promoted -> {
            assertThat(promoted.modelVersion()).isEqualTo(2);
            assertThat(promoted.canaryVersion()).isNull();
            assertThat(promoted.previousVersion()).isEqualTo(1);
        });
        assertThat(canaries.findById(canary.runId())).isEmpty();
        assertThat(audited(AuditAction.PROMOTED_BY_SCHEDULE, canary.name())).hasSize(2).anySatisfy(entry ->
                assertThat(entry.detail()).isEqualTo("canary model " + canary.modelId() + " version 2 from "
                        + "scheduled run " + canary.runId() + " promoted as planned at " + promoteAt));
    }

    /** A canary that fails the deployment's gate when its time comes stays a canary, and the refusal is audited. */
    @Test
    void shouldLeaveACanaryThatFailsTheGateAsACanary() {
        CanaryPromotion canary = canaryPromotion("Canary gated", Map.of("rules", List.of(
                Map.of("metric", "auc", "atLeast", 0.9999))));
        Instant promoteAt = canaries.findById(canary.runId()).orElseThrow().promoteAt();

        ticker(Clock.fixed(promoteAt.plusSeconds(1), ZoneOffset.UTC)).tick();

        assertThat(deployments.get(WorkspaceRef.DEFAULT, canary.name())).satisfies(still -> {
            assertThat(still.modelVersion()).isEqualTo(1);
            assertThat(still.canaryVersion()).isEqualTo(2);
        });
        assertThat(canaries.findById(canary.runId())).isEmpty();
        assertThat(audited(AuditAction.PROMOTION_REFUSED, canary.name())).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(Api.ADMIN);
            assertThat(entry.detail()).startsWith("canary model " + canary.modelId() + " version 2 from scheduled "
                    + "run " + canary.runId() + ": ").contains("auc");
        });
    }

    private record CanaryPromotion(String name, UUID modelId, UUID runId, DeploymentView deployment) {}

    /**
     * Deploys version 1 of the credit model under a gate, schedules its experiment to promote as a 25 % canary for
     * two hours, and promotes version 2 as a scheduled run that exported it would be.
     */
    private CanaryPromotion canaryPromotion(String experimentName, Map<String, Object> gate) {
        UUID experiment = UUID.fromString(createExperiment(experimentName, Graphs.creditSplit(0.8)));
        ModelStore store = server.getBean(ModelStore.class);
        ModelExportedNotice first = ModelFixture.CREDIT_GBDT.export(store, experiment, experimentName);
        server.publishEvent(first);
        UUID modelId = server.getBean(ModelService.class).producedBy(first.runId(), ModelFixture.NODE_ID)
                .orElseThrow().modelId();
        String name = "canary-first-" + experiment.toString().substring(0, 8);
        deployments.deploy(modelId, 1, name);
        if (!gate.isEmpty()) {
            assertThat(api.put("/api/deployments/" + name + "/gate", gate).status()).isEqualTo(200);
        }
        schedules.put(experiment, new ScheduleRequest(LEAP_DAYS, "UTC", "run-once", name, true, 25, "2h"));
        ModelExportedNotice second = ModelFixture.CREDIT_GBDT_STRICT.export(store, experiment, experimentName);
        server.publishEvent(second);
        PendingPromotionEntity pending = new PendingPromotionEntity(second.runId(),
                scheduleRepository.findById(experiment).orElseThrow(), Instant.now());

        DeploymentView deployment = pending.owner().act(() -> promotion.promote(pending)).orElseThrow();
        return new CanaryPromotion(name, modelId, second.runId(), deployment);
    }

    private ScheduleTicker ticker(Clock clock) {
        return new ScheduleTicker(scheduleRepository, promotions, canaries, runs, promotion, clock,
                Duration.ofSeconds(10));
    }

    private String createExperiment(String name, ExperimentGraph graph) {
        Api.Response created = api.post("/api/experiments", Map.of("name", name, "graph", graph));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private List<AuditEntry> audited(AuditAction action, String target) {
        return audit.recent(action, null, 500).stream().filter(entry -> target.equals(entry.target())).toList();
    }

    private static void assertProblem(Api.Response response, String field, String detailStart) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.problemDetail()).startsWith(detailStart);
    }
}
