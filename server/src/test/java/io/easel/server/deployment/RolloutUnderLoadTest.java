package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import io.easel.server.security.ApiKeyService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * A roll-back and an undeploy while client threads keep scoring over real HTTP, with batches large enough that
 * requests are always in flight: the roll-back fails no request, and the undeploy lets the requests it finds running
 * finish with their answer, the later ones getting the documented 404; never a 5xx or a broken connection.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class RolloutUnderLoadTest {

    private static final int CLIENTS = 4;
    /** Records per request: enough scoring work that a request is running whenever the deployment changes. */
    private static final int BATCH = 50;

    @Autowired
    ApplicationContext server;

    @Autowired
    DeploymentService deployments;

    @Autowired
    ApiKeyService keys;

    @Value("${local.server.port}")
    int port;

    Api analyst;
    String name;
    String scoring;
    List<Map<String, Object>> batch;
    Load load;

    /** Serves version 2 of a model after version 1, so that a roll-back goes back to version 1. */
    @BeforeEach
    void serveVersionTwoAfterVersionOne() {
        UUID modelId = ModelFixture.registerTwoVersions(server, "Rollout");
        name = "rollout-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.deploy(modelId, 1, name);
        scoring = deployments.deploy(modelId, 2, name).endpointPath();
        analyst = Api.anonymous(port).withKey(keys.create(WorkspaceRef.DEFAULT, "rollout test", WorkspaceRole.ANALYST)
                .key());
        List<Map<String, Object>> records = ModelFixture.CREDIT_GBDT_STRICT.records();
        batch = new ArrayList<>();
        while (batch.size() < BATCH) {
            batch.addAll(records.subList(0, Math.min(records.size(), BATCH - batch.size())));
        }
    }

    @AfterEach
    void stopScoring() throws InterruptedException {
        if (load != null) {
            load.stop();
        }
    }

    @Test
    void shouldFailNoRequestWhileRollingBack() throws Exception {
        load = Load.start(CLIENTS, () -> analyst.post(scoring, batch));
        load.awaitWarmedUp();

        Api.Response rolledBack = analyst.post("/api/deployments/" + name + "/rollback", null);
        assertThat(rolledBack.status()).as(rolledBack.text()).isEqualTo(200);
        assertThat(rolledBack.body().path("modelVersion").asInt()).isEqualTo(1);
        load.awaitAnswers(CLIENTS * 5);
        List<Answer> answers = load.stop();

        assertThat(answers).as("every answer during the roll-back").allSatisfy(answer -> {
            assertThat(answer.failure()).isNull();
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.version()).isIn(1, 2);
        });
        assertThat(answers.stream().map(Answer::version).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2);
        // The latest answer, well after the roll-back, comes from the version rolled back to
        assertThat(answers.getLast().version()).isEqualTo(1);
    }

    @Test
    void shouldLetRequestsInFlightFinishAndAnswer404AfterAnUndeploy() throws Exception {
        load = Load.start(CLIENTS, () -> analyst.post(scoring, batch));
        load.awaitWarmedUp();

        long undeploying = System.nanoTime();
        Api.Response undeployed = analyst.delete("/api/deployments/" + name);
        assertThat(undeployed.status()).as(undeployed.text()).isEqualTo(204);
        load.awaitAnswers(CLIENTS * 5);
        List<Answer> answers = load.stop();

        assertThat(answers).as("every answer around the undeploy").allSatisfy(answer -> {
            assertThat(answer.failure()).isNull();
            assertThat(answer.status()).as(answer.text()).isIn(200, 404);
        });
        List<Answer> finishedAfterUndeployStarted = answers.stream().filter(a -> a.endNanos() > undeploying).toList();
        assertThat(finishedAfterUndeployStarted).as("requests in flight when the undeploy began completed")
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        for (int client = 0; client < CLIENTS; client++) {
            int thisClient = client;
            List<Integer> statuses = answers.stream().filter(a -> a.client() == thisClient).map(Answer::status)
                    .toList();
            // Once the deployment is gone for a client it stays gone: 200s, then only 404s
            int first404 = statuses.indexOf(404);
            assertThat(first404).as("client %d answered 404 after the undeploy", client).isNotNegative();
            assertThat(statuses.subList(first404, statuses.size())).as("client %d", client).containsOnly(404);
        }
        Answer gone = answers.getLast();
        assertThat(gone.text()).contains("There is no deployment named '" + name + "'");
    }

    /**
     * One scoring answer as a client saw it.
     *
     * @param failure what went wrong below HTTP (a reset or refused connection), or null
     */
    record Answer(int client, long endNanos, int status, int version, String text, String failure) {}

    /** Client threads that score in a loop until stopped, each answer recorded in order. */
    static final class Load {

        private final AtomicBoolean scoring = new AtomicBoolean(true);
        private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> clients = new ArrayList<>();
        private final CountDownLatch warmedUp;

        private Load(int clientCount) {
            warmedUp = new CountDownLatch(clientCount);
        }

        static Load start(int clientCount, Supplier<Api.Response> request) {
            Load load = new Load(clientCount);
            for (int c = 0; c < clientCount; c++) {
                int client = c;
                load.clients.add(Thread.ofPlatform().name("scoring-client-" + c).start(() -> {
                    while (load.scoring.get()) {
                        load.answers.add(answer(client, request));
                        load.warmedUp.countDown();
                    }
                }));
            }
            return load;
        }

        private static Answer answer(int client, Supplier<Api.Response> request) {
            try {
                Api.Response response = request.get();
                int version = response.status() == 200 ? response.body().path("modelVersion").asInt() : 0;
                return new Answer(client, System.nanoTime(), response.status(), version, response.text(), null);
            } catch (RuntimeException e) {
                return new Answer(client, System.nanoTime(), 0, 0, "", e.toString());
            }
        }

        void awaitWarmedUp() throws InterruptedException {
            assertThat(warmedUp.await(30, TimeUnit.SECONDS)).as("every client scored once").isTrue();
        }

        /** Waits until {@code more} answers have come after the ones so far. */
        void awaitAnswers(int more) throws InterruptedException {
            int target = answers.size() + more;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (answers.size() < target && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        /** Stops the clients and returns every answer, in the order they came. */
        List<Answer> stop() throws InterruptedException {
            scoring.set(false);
            for (Thread client : clients) {
                client.join(TimeUnit.SECONDS.toMillis(30));
            }
            synchronized (answers) {
                return List.copyOf(answers);
            }
        }
    }
}
