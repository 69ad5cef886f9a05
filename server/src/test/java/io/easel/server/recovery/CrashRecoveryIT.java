package io.easel.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.run.FakeSparkHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash recovery, with {@code kill -9} of a real server process at several points of its runs. The "engine" is a real
 * process too (a script standing in for spark-submit): it runs until the test releases it, then writes what an engine
 * writes at the end (the credit GBDT into the model store, {@code status.json} into the workspace) and exits. It never
 * calls back, so only {@code status.json} and the engine's process tell the server how a run goes.
 * <ol>
 * <li>Killed with two runs running and one queued. One run's engine finishes while the server is down: at the restart
 *     that run is reconciled as succeeded with its model registered; the other's engine (still running) is adopted,
 *     never failed; the queued run is started.</li>
 * <li>Killed again just after it recorded the end of a run and before it registered the run's model (the test holds
 *     a lock on the model tables, so registration waits at exactly that point), with an adopted engine still running:
 *     the third server registers the model at its start and adopts the engine once more, which it follows to the
 *     end.</li>
 * </ol>
 */
class CrashRecoveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * Stands in for spark-submit: waits for the file "release" in its run directory (5 minutes at most), then ends the
     * run.
     */
    private static final String ENGINE = """
            #!/bin/sh
            echo "$$" > engine.pid
            run=""; workspace=""; store=""
            for argument in "$@"; do
              case "$previous" in
                --run-id) run="$argument" ;;
                --workspace) workspace="$argument" ;;
                --model-store) store="$argument" ;;
              esac
              previous="$argument"
            done
            local_path() { echo "$1" | sed -e 's#^file://##' -e 's#^file:##'; }
            waited=0
            while [ ! -f release ]; do
              # never outlive a failed test by long
              [ "$waited" -ge 1500 ] && exit 1
              sleep 0.2; waited=$((waited + 1))
            done
            app_id="local-$run"
            """ + FakeSparkHome.FINISH_RUN;

    @Test
    void shouldLoseNoRunAndNoModelWhenTheServerIsKilled(@TempDir Path temp) throws Exception {
        Path dataDir = Path.of("target", "test-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
        int port = freePort();
        Map<String, String> settings = fakeEngine(temp);
        settings.put("easel.engine.max-concurrent-runs", "2");
        settings.put("easel.engine.status-poll-interval", "1s");
        settings.put("easel.engine.timeout", "10m");

        ServerProcess first = ServerProcess.start(dataDir, port, settings, "server-1");
        Api api = first.api();
        String experiment = api.post("/api/experiments", Map.of("name", "Crash", "graph", Graphs.creditSplit(0.8)))
                .body().get("id").asString();
        String finishesWhileDown = startRun(api, experiment);
        String outlivesTheServer = startRun(api, experiment);
        String queued = startRun(api, experiment);
        long survivor = enginePid(dataDir, outlivesTheServer);
        enginePid(dataDir, finishesWhileDown);
        assertThat(state(api, queued)).isEqualTo("queued");

        first.kill();
        release(dataDir, finishesWhileDown);
        await().atMost(PATIENCE).until(() -> Files.exists(runDir(dataDir, finishesWhileDown).resolve("status.json")));
        assertThat(ProcessHandle.of(survivor)).as("the engine outlives its server")
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        ServerProcess second = ServerProcess.start(dataDir, port, settings, "server-2");
        Api restarted = second.api();
        await().atMost(PATIENCE).until(() -> "succeeded".equals(state(restarted, finishesWhileDown)));
        assertThat(modelVersionOf(restarted, finishesWhileDown)).as("registered at the restart").isNotNull();
        long started = enginePid(dataDir, queued);
        await().atMost(PATIENCE).until(() -> List.of("starting", "running").contains(state(restarted, queued)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                () -> List.of("starting", "running").contains(state(restarted, outlivesTheServer)));

        try (ModelRegistrationHeld held = ModelRegistrationHeld.in(dataDir)) {
            release(dataDir, queued);
            await().atMost(PATIENCE).until(() -> "succeeded".equals(state(restarted, queued)));
            assertThat(modelVersionOf(restarted, queued)).as("registration is held").isNull();
            second.kill();
        }

        try (ServerProcess third = ServerProcess.start(dataDir, port, settings, "server-3")) {
            Api last = third.api();
            await().atMost(PATIENCE).until(() -> modelVersionOf(last, queued) != null);
            assertThat(state(last, queued)).isEqualTo("succeeded");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                    () -> List.of("starting", "running").contains(state(last, outlivesTheServer)));
            release(dataDir, outlivesTheServer);
            await().atMost(PATIENCE).until(() -> "succeeded".equals(state(last, outlivesTheServer)));
            assertThat(modelVersionOf(last, outlivesTheServer)).isNotNull();
            for (long engine : List.of(survivor, started)) {
                await().atMost(Duration.ofSeconds(30)).until(
                        () -> !ProcessHandle.of(engine).map(ProcessHandle::isAlive).orElse(false));
            }
            JsonNode versions = last.get("/api/models").body().get(0).get("versions");
            assertThat(versions).hasSize(3);
            System.out.printf("Crash recovery: 3 runs over 2 kill -9 restarts, all succeeded, %d model versions%n",
                    versions.size());
        }
    }

    private static Map<String, String> fakeEngine(Path temp) throws IOException {
        Path script = temp.resolve("spark-submit");
        FakeSparkHome.install(script, ENGINE);
        Path home = Files.createDirectories(temp.resolve("engine"));
        Files.write(home.resolve("easel-ml-engine.jar"), new byte[0]);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("easel.engine.spark-submit", script.toString());
        settings.put("easel.engine.home", home.toString());
        settings.put("easel.engine.warm.enabled", "false"); // the fake stands in for the engine of one run
        return settings;
    }

    private static String startRun(Api api, String experiment) {
        Api.Response run = api.post("/api/experiments/" + experiment + "/runs", null);
        assertThat(run.status()).as(run.text()).isEqualTo(202);
        return run.body().get("id").asString();
    }

    private static String state(Api api, String run) {
        return api.get("/api/runs/" + run).body().get("state").asString();
    }

    /** The model version run {@code run} exported, as the registry has it; null when it has none. */
    private static JsonNode modelVersionOf(Api api, String run) {
        for (JsonNode model : api.get("/api/models").body()) {
            for (JsonNode version : model.get("versions")) {
                if (version.get("runId").asString().equals(run)) {
                    return version;
                }
            }
        }
        return null;
    }

    private static Path runDir(Path dataDir, String run) {
        return dataDir.resolve("runs").resolve(run);
    }

    private static long enginePid(Path dataDir, String run) {
        Path pid = runDir(dataDir, run).resolve("engine.pid");
        await().atMost(PATIENCE).until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
        try {
            return Long.parseLong(Files.readString(pid).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void release(Path dataDir, String run) throws IOException {
        Files.writeString(runDir(dataDir, run).resolve("release"), "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A transaction of the test's own on the server's (embedded) database holding the model tables against writes
     * (reads go on): a server that records the end of a run waits there to register its model.
     */
    private record ModelRegistrationHeld(Connection connection) implements AutoCloseable {

        static ModelRegistrationHeld in(Path dataDir) throws IOException, SQLException {
            // postmaster.pid: pid, data directory, start time, port, ...
            String port = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
            Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port
                    + "/postgres?user=postgres");
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE models, model_versions IN SHARE MODE");
            }
            return new ModelRegistrationHeld(connection);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
