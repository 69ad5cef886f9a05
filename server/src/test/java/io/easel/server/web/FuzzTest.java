package io.easel.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fuzz harness: mutated experiment documents (to create, save and validate) and mutated scoring requests
 * ({@link Mutations}: multipart, NUL characters, deep nesting, huge numbers, wrong types…), and concurrent editors of
 * one experiment. It asserts no 5xx, no answer that leaks internals (an exception's or a Java class's name), no lost
 * update, and a server that stays healthy; it prints the counts.
 * <p>
 * The normal suite runs a sample (500 documents, 500 scoring requests, 50 editors saving once each);
 * {@code -Deasel.test.fuzz.full=true} runs the full sizes (10,000 documents, 10,000 scoring requests, 50 editors
 * saving 10 times each); {@code easel.test.fuzz.documents}, {@code .scoring},
 * {@code .editors}, {@code .edits} and {@code .seed} set each.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTest {

    private static final boolean FULL = Boolean.getBoolean("easel.test.fuzz.full");
    private static final int DOCUMENTS = Integer.getInteger("easel.test.fuzz.documents", FULL ? 10_000 : 500);
    private static final int SCORING_REQUESTS = Integer.getInteger("easel.test.fuzz.scoring", FULL ? 10_000 : 500);
    private static final int LIFECYCLE_REQUESTS = Integer.getInteger("easel.test.fuzz.lifecycle", FULL ? 4_000 : 400);
    private static final int QUERIES = Integer.getInteger("easel.test.fuzz.queries", FULL ? 4_000 : 400);
    private static final int EDITORS = Integer.getInteger("easel.test.fuzz.editors", 50);
    private static final int EDITS = Integer.getInteger("easel.test.fuzz.edits", FULL ? 10 : 1);
    private static final long SEED = Long.getLong("easel.test.fuzz.seed", 20261130L);
    private static final int CLIENTS = 8;
    /** What an answer to bad input must never show: Java's or Jackson's insides. */
    private static final List<String> INTERNALS = List.of("Exception", "tools.jackson", "com.fasterxml", "java.",
            "org.springframework", "org.hibernate", "at io.easel");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    Api api;
    String scoringPath;

    @BeforeAll
    void deploy() {
        api = Api.asAdmin(port);
        scoringPath = ModelFixture.CREDIT_GBDT.deploy(server, "fuzz-credit");
    }

    @Test
    void shouldAnswerMutatedExperimentDocumentsWithoutA5xxOrInternals() {
        JsonNode saved = api.post("/api/experiments", Map.of("name", "Fuzz target", "graph",
                Graphs.creditSplit(0.8))).body();
        String id = saved.get("id").asString();
        String document = Api.JSON.writeValueAsString(Map.of("name", "Fuzzed", "description", "mutated",
                "graph", Graphs.creditSplit(0.7), "runSettings", Map.of("driverMemory", "1g")));
        String changes = Api.JSON.writeValueAsString(Map.of("version", saved.get("version").asLong(), "name",
                "Fuzzed", "description", "mutated", "graph", Graphs.creditSplit(0.7)));
        String graph = Api.JSON.writeValueAsString(Graphs.creditSplit(0.6));

        Tally tally = fuzz(DOCUMENTS, 1, i -> switch (i % 3) {
            case 0 -> new Target("POST", "/api/experiments", document);
            case 1 -> new Target("PUT", "/api/experiments/" + id, changes);
            default -> new Target("POST", "/api/experiments/validate", graph);
        });

        tally.print("Fuzz: mutated experiment documents");
        tally.assertNoServerErrorAndNoInternals();
        assertThat(api.get("/api/experiments/" + id).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerMutatedScoringRequestsWithoutA5xxOrInternals() {
        List<Map<String, Object>> records = ModelFixture.CREDIT_GBDT.records();
        String one = Api.JSON.writeValueAsString(records.get(0));
        String batch = Api.JSON.writeValueAsString(records.subList(0, Math.min(5, records.size())));

        Tally tally = fuzz(SCORING_REQUESTS, 2, i -> new Target("POST", scoringPath, i % 2 == 0 ? one : batch));

        tally.print("Fuzz: mutated scoring requests");
        tally.assertNoServerErrorAndNoInternals();
        assertThat(api.postRaw(scoringPath, one).status()).as("still scores").isEqualTo(200);
    }

    @Test
    void shouldAnswerMutatedImportsClonesRestoresAndRunRequestsWithoutA5xxOrInternals() {
        // A graph that does not validate: a mutant that still asks for a run is refused, and no engine starts.
        ExperimentGraph unrunnable = Graphs.single(Node.of("split", "random-split", Map.of("fraction", 0.5)));
        JsonNode saved = api.post("/api/experiments", Map.of("name", "Fuzz lifecycle", "graph", unrunnable)).body();
        String id = saved.get("id").asString();
        String exported = api.get("/api/experiments/" + id + "/export").text();
        String restore = Api.JSON.writeValueAsString(Map.of("version", saved.get("version").asLong()));

        Tally tally = fuzz(LIFECYCLE_REQUESTS, 3, i -> switch (i % 4) {
            case 0 -> new Target("POST", "/api/experiments/import", exported);
            case 1 -> new Target("POST", "/api/experiments/" + id + "/clone", "{\"name\": \"Fuzz copy\"}");
            case 2 -> new Target("POST", "/api/experiments/" + id + "/revisions/1/restore", restore);
            default -> new Target("POST", "/api/experiments/" + id + "/runs",
                    "{\"force\": true, \"forceNodes\": [\"split\"]}");
        });

        tally.print("Fuzz: mutated imports, clones, restores and run requests");
        tally.assertNoServerErrorAndNoInternals();
        assertThat(api.get("/api/experiments/" + id + "/runs").body().size()).as("no run started").isZero();
    }

    @Test
    void shouldAnswerOddQueryValuesAndPathSegmentsWithoutA5xxOrInternals() throws InterruptedException {
        String id = api.post("/api/experiments", Map.of("name", "Fuzz queries", "graph", Graphs.creditSplit(0.8)))
                .body().get("id").asString();
        String slug = api.get("/api/me").body().path("workspaces").path(0).path("slug").asString("default");
        Random random = new Random(SEED + 4);
        List<IntFunction<Target>> probes = List.of(
                i -> get("/api/experiments?search=%s&sort=%s", odd(random), odd(random)),
                i -> get("/api/experiments/trash?search=%s&sort=%s", odd(random), odd(random)),
                i -> get("/api/experiments/%s", odd(random)),
                i -> get("/api/experiments/" + id + "/revisions/%s", odd(random)),
                i -> get("/api/experiments/" + id + "/revisions/1/diff?to=%s", odd(random)),
                i -> get("/api/runs/%s/nodes/%s/ports/%s/rows?offset=%s&limit=%s&sort=%s&filter=%s&search=%s",
                        runId(random), odd(random), odd(random), odd(random), odd(random), odd(random), odd(random),
                        odd(random)),
                i -> get("/api/runs/%s/nodes/split/ports/train/download?format=%s", runId(random), odd(random)),
                i -> get("/api/runs/%s", odd(random)),
                i -> get("/api/models/%s/versions/%s", odd(random), odd(random)),
                i -> get("/api/deployments/%s", odd(random)),
                i -> new Target("POST", "/api/deployments/" + encode(odd(random)) + "/rollback", null),
                i -> get("/api/workspaces/" + slug + "/uploads/%s", odd(random)),
                i -> new Target("DELETE", "/api/workspaces/" + slug + "/uploads/" + encode(odd(random)), null),
                i -> new Target("POST", "/api/workspaces/" + slug + "/uploads?name=" + encode(odd(random)),
                        "a,b\n1,2\n"));

        Tally tally = new Tally();
        long started = System.nanoTime();
        try (BurstTest.HealthWatch health = new BurstTest.HealthWatch(port)) {
            for (int i = 0; i < QUERIES; i++) {
                Target target = probes.get(i % probes.size()).apply(i);
                byte[] body = target.validBody() == null ? new byte[0]
                        : target.validBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                Mutations.Mutant as = new Mutations.Mutant("odd-value", target.validBody() == null ? null
                        : "text/csv", body);
                tally.add(target, as, send(target, as, tally));
            }
            health.assertStayedUp();
            tally.health = health.summary();
        }
        tally.seconds = (System.nanoTime() - started) / 1e9;

        tally.print("Fuzz: odd query values and path segments");
        tally.assertNoServerErrorAndNoInternals();
    }

    /** A GET of the template with each {@code %s} an encoded odd value. */
    private static Target get(String template, String... values) {
        return new Target("GET", String.format(template, Arrays.stream(values).map(FuzzTest::encode).toArray()),
                null);
    }

    /** A run id: mostly well-formed (unknown) ones, so the checks behind the id are reached, or an odd value. */
    private static String runId(Random random) {
        return random.nextInt(4) == 0 ? odd(random) : new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String odd(Random random) {
        return Mutations.oddValue(random);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void shouldLoseNoUpdateOfConcurrentEditorsOfOneExperiment() throws Exception {
        JsonNode created = api.post("/api/experiments", Map.of("name", "Many editors", "graph", editorsGraph()))
                .body();
        String path = "/api/experiments/" + created.get("id").asString();
        long firstVersion = created.get("version").asLong();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();

        try (BurstTest.HealthWatch health = new BurstTest.HealthWatch(port);
                ExecutorService editors = Executors.newFixedThreadPool(EDITORS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int editor = 0; editor < EDITORS; editor++) {
                String node = "e" + editor;
                done.add(editors.submit(() -> edit(path, node, failures, conflicts)));
            }
            for (Future<?> each : done) {
                each.get();
            }
            health.assertStayedUp();
            System.out.printf("Fuzz: %d concurrent editors saved %d changes to one experiment (%d conflicts "
                    + "answered 409 and retried); health %s%n", EDITORS, EDITORS * EDITS, conflicts.get(),
                    health.summary());
        }

        assertThat(failures).isEmpty();
        JsonNode last = api.get(path).body();
        assertThat(last.get("version").asLong()).as("every save counted once").isEqualTo(firstVersion
                + (long) EDITORS * EDITS);
        for (JsonNode node : last.get("graph").get("nodes")) {
            if (node.get("id").asString().startsWith("e")) {
                assertThat(node.get("params").get("seed").asInt()).as("the last edit of " + node.get("id"))
                        .isEqualTo(EDITS);
            }
        }
    }

    /** One editor: {@link #EDITS} saves of its own node's seed, each read, changed and saved again on a conflict. */
    private Void edit(String path, String node, List<String> failures, AtomicInteger conflicts)
            throws InterruptedException {
        Api own = Api.asAdmin(port);
        for (int edit = 1; edit <= EDITS; edit++) {
            while (true) {
                ObjectNode experiment = (ObjectNode) own.get(path).body();
                setSeed(experiment, node, edit);
                Api.Response saved = own.put(path, experiment);
                if (saved.status() == 200) {
                    break;
                }
                if (saved.status() != 409) {
                    failures.add(node + ": " + saved.status() + " " + saved.text());
                    return null;
                }
                conflicts.incrementAndGet(); // someone saved first: read again, change again
                Thread.sleep(ThreadLocalRandom.current().nextInt(20)); // as people do, not all in step
            }
        }
        return null;
    }

    /** credit_g feeding one random split per editor, each editor's own node to change. */
    private static ExperimentGraph editorsGraph() {
        List<Node> nodes = new ArrayList<>(List.of(Node.of("data", "sample-dataset", Map.of("dataset", "credit_g"))));
        List<Edge> edges = new ArrayList<>();
        for (int editor = 0; editor < EDITORS; editor++) {
            nodes.add(Node.of("e" + editor, "random-split", Map.of("fraction", 0.5, "seed", 0)));
            edges.add(Edge.of("data", "out", "e" + editor, "in"));
        }
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, nodes, edges);
    }

    private static void setSeed(ObjectNode experiment, String nodeId, int seed) {
        for (JsonNode node : experiment.get("graph").get("nodes")) {
            if (node.get("id").asString().equals(nodeId)) {
                ((ObjectNode) node.get("params")).put("seed", seed);
            }
        }
    }

    /** One endpoint with the valid body its mutants start from. */
    private record Target(String method, String path, String validBody) {}

    /** Sends {@code count} mutants of the targets from {@link #CLIENTS} clients at once, watching health. */
    private Tally fuzz(int count, long seedOffset, IntFunction<Target> targets) {
        Mutations mutations = new Mutations(SEED + seedOffset);
        Tally tally = new Tally();
        long started = System.nanoTime();
        try (BurstTest.HealthWatch health = new BurstTest.HealthWatch(port);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Target target = targets.apply(i);
                Mutations.Mutant mutant = mutations.mutate(target.validBody());
                sent.add(clients.submit(() -> tally.add(target, mutant, send(target, mutant, tally))));
            }
            for (Future<?> each : sent) {
                each.get();
            }
            health.assertStayedUp();
            tally.health = health.summary();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        tally.seconds = (System.nanoTime() - started) / 1e9;
        return tally;
    }

    /**
     * Sends the mutant; a connection closed without an answer is tried once more on a new connection (a pooled
     * connection the server had just closed is the client's affair), and counts against the server the second time.
     */
    private Api.Response send(Target target, Mutations.Mutant mutant, Tally tally) {
        try {
            return api.sendBytes(target.method(), target.path(), mutant.contentType(), mutant.body());
        } catch (UncheckedIOException first) {
            tally.retried.incrementAndGet();
            try (HttpClient fresh = HttpClient.newHttpClient()) {
                return api.through(fresh).sendBytes(target.method(), target.path(), mutant.contentType(),
                        mutant.body());
            } catch (UncheckedIOException again) {
                return new Api.Response(-1, Api.JSON.missingNode(), again.getCause().toString(), null);
            }
        }
    }

    /** Answers by status and by mutation kind, and the ones that break the rules. */
    private static final class Tally {

        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
        private final List<String> broken = new CopyOnWriteArrayList<>();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger retried = new AtomicInteger();
        private volatile String health;
        private volatile double seconds;

        void add(Target target, Mutations.Mutant mutant, Api.Response answer) {
            sent.incrementAndGet();
            statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            kinds.computeIfAbsent(mutant.kind().replaceAll("\\+.*", ""), k -> new AtomicInteger())
                    .incrementAndGet();
            boolean serverError = answer.status() >= 500 || answer.status() < 0;
            boolean leaks = answer.status() >= 400 && INTERNALS.stream().anyMatch(answer.text()::contains);
            if ((serverError || leaks) && broken.size() < 20) {
                String body = new String(mutant.body(), 0, Math.min(300, mutant.body().length),
                        java.nio.charset.StandardCharsets.UTF_8);
                broken.add(target.method() + " " + target.path() + " [" + mutant.kind() + ", "
                        + mutant.contentType() + ", " + mutant.body().length + " bytes] → " + answer.status() + " "
                        + answer.text().substring(0, Math.min(400, answer.text().length())) + "\n   body: " + body);
            }
        }

        void print(String title) {
            System.out.printf("%s: %d sent in %.1f s, answered %s (%d sent again after a dropped connection); "
                    + "first mutations %s; health %s%n", title, sent.get(), seconds, new TreeMap<>(statuses),
                    retried.get(), new TreeMap<>(kinds), health);
        }

        void assertNoServerErrorAndNoInternals() {
            assertThat(broken).as("answers with a 5xx, a dropped connection or internals").isEmpty();
            assertThat(IntStream.of(statuses.keySet().stream().mapToInt(Integer::intValue).toArray()))
                    .allMatch(status -> status < 500 && status > 0);
        }
    }
}
