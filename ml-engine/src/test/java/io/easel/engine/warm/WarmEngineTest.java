package io.easel.engine.warm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.ComponentRegistry;
import io.easel.engine.EngineRun;
import io.easel.engine.SharedSpark;
import io.easel.engine.report.CallbackSender;
import io.easel.engine.report.EngineJson;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import io.easel.run.WarmEngineProtocol;
import io.easel.run.WarmEngineProtocol.Command;
import io.easel.run.WarmEngineProtocol.Notice;
import io.easel.run.WorkspaceLayout;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm engine in-process on the shared session, driven through its protocol as the server drives it: runs side
 * by side, a cancelled run, a setting it cannot take, and the end of its input.
 */
class WarmEngineTest {

    private static final ObjectMapper JSON = EngineJson.mapper();
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    private final BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();
    private PipedWriter commands;
    private Thread serving;
    private final List<Throwable> serveFailures = new ArrayList<>();

    @BeforeEach
    void startEngine() throws IOException {
        commands = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(commands, 1 << 16));
        WarmEngine engine = new WarmEngine(SharedSpark.session(), ComponentRegistry.load(),
                CallbackSender.Settings.defaults(), new PrintStream(new NoticeLines(notices), true,
                        StandardCharsets.UTF_8));
        serving = Thread.ofPlatform().name("warm-engine-test").start(() -> {
            try {
                engine.serve(input);
            } catch (IOException | InterruptedException | RuntimeException e) {
                serveFailures.add(e);
            }
        });
    }

    @AfterEach
    void endInput() throws Exception {
        closeInput();
        serving.join(PATIENCE.toMillis());
        assertThat(serveFailures).isEmpty();
    }

    @Test
    void shouldRunTwoRunsSideBySideEachToItsEnd() throws Exception {
        assertThat(next().op()).isEqualTo(Notice.READY);
        send(run("side-a", "experiments/credit-scoring.json", Map.of("spark.sql.shuffle.partitions", "3")));
        send(run("side-b", "experiments/small-model.json", Map.of()));

        Map<String, Notice> ended = endedRuns(2);

        assertThat(ended.get("side-a").state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(ended.get("side-b").state()).isEqualTo(RunState.SUCCEEDED);
        EngineRun a = finished("side-a", RunState.SUCCEEDED);
        EngineRun b = finished("side-b", RunState.SUCCEEDED);
        assertThat(a.exports()).isNotEmpty();
        assertThat(b.exports()).isNotEmpty();
        // Side by side: the shorter run started before the longer one ended.
        assertThat(firstEventAt(b)).isLessThan(lastEventAt(a));
    }

    @Test
    void shouldEndACancelledRunAsCancelledWithTheRestSkipped() throws Exception {
        assertThat(next().op()).isEqualTo(Notice.READY);
        send(run("cancelled", "experiments/credit-scoring.json", Map.of()));
        assertThat(next().op()).isEqualTo(Notice.STARTED);
        EngineRun underWay = new EngineRun("cancelled", RunState.RUNNING, dir.resolve("workspace"),
                dir.resolve("models"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!isRunning(underWay, "gbdt") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        send(Command.cancel("cancelled"));

        Notice ended = next();

        assertThat(ended.op()).isEqualTo(Notice.ENDED);
        assertThat(ended.state()).isEqualTo(RunState.CANCELLED);
        EngineRun run = finished("cancelled", RunState.CANCELLED);
        assertThat(run.lastStatus("importance").orElseThrow().state()).isEqualTo(NodeState.SKIPPED);
        assertThat(run.status().finished().message()).isEqualTo("Cancelled");
    }

    @Test
    void shouldRefuseARunWithASettingOnlyAStartingDriverTakes() throws Exception {
        assertThat(next().op()).isEqualTo(Notice.READY);
        send(run("static", "experiments/small-model.json", Map.of("spark.sql.warehouse.dir", "/tmp/elsewhere")));

        Notice refused = next();

        assertThat(refused.op()).isEqualTo(Notice.REFUSED);
        assertThat(refused.runId()).isEqualTo("static");
        assertThat(refused.message()).contains("spark.sql.warehouse.dir");
    }

    @Test
    void shouldFinishTheRunsUnderWayWhenItsInputEnds() throws Exception {
        assertThat(next().op()).isEqualTo(Notice.READY);
        send(run("last", "experiments/small-model.json", Map.of()));
        assertThat(next().op()).isEqualTo(Notice.STARTED);

        closeInput();
        serving.join(PATIENCE.toMillis());

        assertThat(serving.isAlive()).isFalse();
        Notice ended = next();
        assertThat(ended.op()).isEqualTo(Notice.ENDED);
        assertThat(ended.state()).isEqualTo(RunState.SUCCEEDED);
        finished("last", RunState.SUCCEEDED);
    }

    @Test
    void shouldWriteTheColumnStatisticsOfAStoredOutputBesideIt() throws Exception {
        assertThat(next().op()).isEqualTo(Notice.READY);
        String location = dir.resolve("workspace").resolve("stored").toUri().toString();
        SharedSpark.session().read().option("header", "true").option("inferSchema", "true")
                .csv(Path.of("..", "components", "builtin", "src", "main", "resources", "io", "easel", "components",
                        "datasets", "vote.csv").toAbsolutePath().toString())
                .write().parquet(location);
        String missing = dir.resolve("workspace").resolve("purged").toUri().toString();

        send(Command.statistics(location));
        send(Command.statistics(missing));
        Notice first = next();
        Notice second = next();

        Map<String, Notice> byLocation = Map.of(first.location(), first, second.location(), second);
        assertThat(byLocation.get(location).op()).isEqualTo(Notice.STATISTICS_WRITTEN);
        Path written = dir.resolve("workspace").resolve("stored").resolve(WorkspaceLayout.STATISTICS);
        assertThat(JSON.readTree(written.toFile()).at("/metrics/rows").asLong()).isEqualTo(435);
        assertThat(byLocation.get(missing).op()).isEqualTo(Notice.STATISTICS_FAILED);
        assertThat(byLocation.get(missing).message()).isNotBlank().doesNotContain("\n\tat ");
    }

    /** Whether the node has started, as far as the events written so far tell (the last line may be half written). */
    private static boolean isRunning(EngineRun run, String nodeId) {
        try {
            return run.states(nodeId).contains(NodeState.RUNNING);
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private Command run(String runId, String experimentResource, Map<String, String> sessionConf) throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path models = Files.createDirectories(dir.resolve("models"));
        Path experiment = dir.resolve(runId + ".json");
        Files.writeString(experiment, EngineRun.resource(experimentResource).replace("${dataDir}", dir.toString()));
        return Command.run(runId, List.of("--experiment", experiment.toString(), "--run-id", runId,
                "--workspace", workspace.toUri().toString(), "--model-store", models.toUri().toString(),
                "--data-root", dir.toString()), Map.of(), sessionConf);
    }

    private EngineRun finished(String runId, RunState state) {
        EngineRun run = new EngineRun(runId, state, dir.resolve("workspace"), dir.resolve("models"));
        assertThat(run.status().finished().state()).isEqualTo(state);
        return run;
    }

    private Map<String, Notice> endedRuns(int count) throws InterruptedException {
        Map<String, Notice> ended = new java.util.HashMap<>();
        while (ended.size() < count) {
            Notice notice = next();
            if (notice.op().equals(Notice.ENDED)) {
                ended.put(notice.runId(), notice);
            }
        }
        return ended;
    }

    private static long firstEventAt(EngineRun run) {
        return run.events().stream().mapToLong(RunEvent::at).min().orElseThrow();
    }

    private static long lastEventAt(EngineRun run) {
        return run.events().stream().mapToLong(RunEvent::at).max().orElseThrow();
    }

    private void send(Command command) throws IOException {
        commands.write(JSON.writeValueAsString(command) + "\n");
        commands.flush();
    }

    private void closeInput() throws IOException {
        commands.close();
    }

    private Notice next() throws InterruptedException {
        Notice notice = notices.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(notice).as("a notice within %s", PATIENCE).isNotNull();
        return notice;
    }

    /** The notice lines the engine prints, parsed. */
    private static final class NoticeLines extends OutputStream {

        private final BlockingQueue<Notice> notices;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        NoticeLines(BlockingQueue<Notice> notices) {
            this.notices = notices;
        }

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            assertThat(text).startsWith(WarmEngineProtocol.NOTICE_PREFIX);
            try {
                notices.add(JSON.readValue(text.substring(WarmEngineProtocol.NOTICE_PREFIX.length()), Notice.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
