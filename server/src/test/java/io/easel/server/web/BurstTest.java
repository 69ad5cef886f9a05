package io.easel.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.Api;
import io.easel.server.EaselServerApplication;
import io.easel.server.FreshDataDirectory;
import io.easel.server.model.ModelFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Bursts the issue saw take the server down: 32 concurrent 50 MB scoring requests (each answered 413 before its body
 * is read), scoring beyond what the server takes at once (429 with Retry-After, never a 5xx), and validations of
 * large graphs against a deliberately small database pool (which validation does not hold), clients that stop
 * sending halfway through their request (dropped after the connection timeout), and a database statement past its
 * time limit (cancelled). Health stays UP throughout. {@code -Deasel.test.burst.requests=N} and {@code -Deasel.test.burst.megabytes=M} change the first burst.
 */
@SpringBootTest(classes = EaselServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=3",
            "spring.datasource.hikari.connection-timeout=5000",
            "easel.limits.concurrent-scoring=2", "easel.limits.scoring-wait=200ms",
            "server.tomcat.connection-timeout=5s",
            "spring.datasource.hikari.connection-init-sql=SET statement_timeout = '3s'"})
@ContextConfiguration(initializers = FreshDataDirectory.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BurstTest {

    private static final int REQUESTS = Integer.getInteger("easel.test.burst.requests", 32);
    private static final int MEGABYTES = Integer.getInteger("easel.test.burst.megabytes", 50);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    String endpoint;

    @BeforeAll
    void deploy() {
        endpoint = ModelFixture.CREDIT_GBDT.deploy(server, "burst-credit");
    }

    @Test
    void shouldAnswerABurstOfHugeScoringRequestsWith413AndStayHealthy() throws Exception {
        byte[] huge = new byte[MEGABYTES * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (HealthWatch health = new HealthWatch(port); HttpClient http = HttpClient.newHttpClient();
                ExecutorService clients = Executors.newFixedThreadPool(REQUESTS)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(clients.submit(() -> http.send(HttpRequest.newBuilder(uri(endpoint))
                        .header("Authorization", Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .expectContinue(true)
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.computeIfAbsent(answer.get(), s -> new AtomicInteger()).incrementAndGet();
            }
            health.assertStayedUp();
            System.out.printf("Burst: %d concurrent %d MB scoring requests answered %s; health %s%n", REQUESTS,
                    MEGABYTES, statuses, health.summary());
            assertThat(statuses.keySet()).containsOnly(413);
        }
    }

    @Test
    void shouldTurnAwayScoringBeyondItsConcurrencyWith429NeverA5xx() throws Exception {
        String batch = Api.JSON.writeValueAsString(repeat(ModelFixture.CREDIT_GBDT.records(), 4000));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> retryAfter = new CopyOnWriteArrayList<>();
        try (HealthWatch health = new HealthWatch(port); ExecutorService clients = Executors.newFixedThreadPool(16)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                done.add(clients.submit(() -> {
                    Api.Response answer = Api.asAdmin(port).postRaw(endpoint, batch);
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    answer.raw().headers().firstValue("Retry-After").ifPresent(retryAfter::add);
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
            health.assertStayedUp();
            System.out.printf("Scoring burst: 16 concurrent requests of 4000 records answered %s; health %s%n",
                    statuses, health.summary());
            assertThat(statuses.keySet()).containsAnyOf(200).isSubsetOf(200, 429);
            assertThat(statuses.getOrDefault(429, new AtomicInteger()).get()).isEqualTo(retryAfter.size());
        }
    }

    @Test
    void shouldValidateABurstOfLargeGraphsWithoutHoldingTheDatabasePool() throws Exception {
        String graph = Api.JSON.writeValueAsString(chain(1_500));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (HealthWatch health = new HealthWatch(port); ExecutorService clients = Executors.newFixedThreadPool(24)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                done.add(clients.submit(() -> statuses.computeIfAbsent(Api.asAdmin(port)
                        .postRaw("/api/experiments/validate", graph).status(), s -> new AtomicInteger())
                        .incrementAndGet()));
            }
            for (Future<?> each : done) {
                each.get();
            }
            health.assertStayedUp();
            System.out.printf("Validation burst: 48 validations of 1500 nodes (pool of 3) answered %s; health %s%n",
                    statuses, health.summary());
            assertThat(statuses.keySet()).containsOnly(200);
        }
    }

    @Test
    void shouldDropClientsThatStopSendingTheirRequestAndStayHealthy() throws Exception {
        String unfinishedHeaders = "GET /api/catalog HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        String unfinishedBody = "POST /api/experiments/validate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: " + Api.basic(Api.ADMIN, Api.ADMIN_PASSWORD) + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"nodes\": [";
        List<Socket> stalled = new ArrayList<>();
        try (HealthWatch health = new HealthWatch(port)) {
            long start = System.nanoTime();
            for (int i = 0; i < 48; i++) {
                Socket client = new Socket("127.0.0.1", port);
                client.setSoTimeout(30_000);
                client.getOutputStream().write((i % 2 == 0 ? unfinishedHeaders : unfinishedBody)
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                stalled.add(client);
            }
            for (Socket client : stalled) {
                assertThat(readToEnd(client)).as("what the server sends a stalled client before closing")
                        .doesNotContain("HTTP/1.1 5");
            }
            Duration closedAfter = Duration.ofNanos(System.nanoTime() - start);
            health.assertStayedUp();
            System.out.printf("Stalled clients: 48 (half in their headers, half in their body) dropped after %d ms;"
                    + " health %s%n", closedAfter.toMillis(), health.summary());
            assertThat(closedAfter).isLessThan(Duration.ofSeconds(20));
        } finally {
            for (Socket client : stalled) {
                client.close();
            }
        }
    }

    @Test
    void shouldCancelADatabaseStatementThatRunsPastItsTimeLimit() {
        DataSource database = server.getBean(DataSource.class);
        assertThatThrownBy(() -> {
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_sleep(20)");
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
    }

    /** Everything the server sends until it closes the connection (or resets it). */
    private static String readToEnd(Socket client) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            client.getInputStream().transferTo(received);
        } catch (SocketException reset) {
            // closed by the server without a goodbye: what it sent before is kept
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    private static <T> List<T> repeat(List<T> items, int count) {
        List<T> repeated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            repeated.add(items.get(i % items.size()));
        }
        return repeated;
    }

    /** credit_g → random split → random split → … */
    static ExperimentGraph chain(int length) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(Node.of("n0", "sample-dataset", Map.of("dataset", "credit_g")));
        for (int i = 1; i < length; i++) {
            nodes.add(Node.of("n" + i, "random-split", Map.of("fraction", 0.9)));
            edges.add(Edge.of("n" + (i - 1), i == 1 ? "out" : "train", "n" + i, "in"));
        }
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, nodes, edges);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Polls /actuator/health every 100 ms while a burst goes on, each answer within 5 s. */
    static final class HealthWatch implements AutoCloseable {

        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicInteger ups = new AtomicInteger();
        private final Thread poller;

        HealthWatch(int port) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            poller = Thread.ofPlatform().daemon().start(() -> {
                try (HttpClient http = HttpClient.newHttpClient()) {
                    while (watching.get()) {
                        try {
                            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                                ups.incrementAndGet();
                            } else {
                                failures.add(answer.statusCode() + " " + answer.body());
                            }
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
        }

        String summary() {
            return ups.get() + " × UP, " + failures.size() + " failed";
        }

        /** No check failed, and at least one answered UP (a burst may be over before the first one). */
        void assertStayedUp() {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ups.get() > 0);
            assertThat(failures).as("failed health checks").isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            watching.set(false);
            poller.join(10_000);
        }
    }
}
