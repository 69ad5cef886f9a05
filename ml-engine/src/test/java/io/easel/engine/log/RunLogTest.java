package io.easel.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.EngineRun;
import io.easel.engine.SharedSpark;
import io.easel.engine.report.CallbackServer;
import io.easel.engine.report.EngineJson;
import io.easel.engine.store.FileStore;
import io.easel.run.RunEvent;
import io.easel.run.RunLogLine;
import io.easel.run.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A run keeps the driver's lines in its workspace, tagged by node, and reports how far each node's tasks got. */
class RunLogTest {

    private static final ObjectMapper JSON = EngineJson.mapper();

    @Test
    void shouldKeepEachNodesLinesTaggedWithTheNodeAndTheRunsOwnLinesUntagged(@TempDir java.nio.file.Path dir) {
        EngineRun run = EngineRun.of("experiments/failing-branch.json", "log-1", dir, null);
        assertThat(run.state()).isEqualTo(RunState.FAILED);

        List<RunLogLine> lines = lines(run.runDirectory().resolve("log.jsonl"));

        assertThat(lines).filteredOn(l -> l.of("missing") && l.level().equals("ERROR")).singleElement()
                .satisfies(failure -> {
                    assertThat(failure.message()).startsWith("Node 'missing' (read-csv) failed: ")
                            .contains("no-such-file.csv");
                    assertThat(failure.detail()).contains("\tat ");
                });
        assertThat(lines).filteredOn(l -> l.of("credit")).extracting(RunLogLine::message)
                .anyMatch(m -> m.startsWith("Node 'credit' (sample-dataset) started"))
                .anyMatch(m -> m.startsWith("Node 'credit' (sample-dataset) succeeded"));
        // Skipped nodes never ran: nothing of theirs is in the log.
        assertThat(lines).noneMatch(l -> l.of("convertMissing") || l.of("splitMissing"));
        assertThat(lines).extracting(RunLogLine::node).allMatch(node -> node == null
                || Set.of("missing", "credit", "convertCredit").contains(node));
        assertThat(lines).filteredOn(l -> l.node() == null).extracting(RunLogLine::message)
                .anyMatch(m -> m.startsWith("Run log-1 failed"));
    }

    @Test
    void shouldReportEachNodesTaskProgressWithDoneNeverAboveTotal(@TempDir java.nio.file.Path dir) throws Exception {
        try (CallbackServer server = new CallbackServer()) {
            EngineRun run = EngineRun.of("experiments/failing-branch.json", "progress-1", dir, server.url());
            assertThat(run.state()).isEqualTo(RunState.FAILED);

            List<RunEvent.NodeProgress> progress = server.events().stream()
                    .filter(RunEvent.NodeProgress.class::isInstance).map(RunEvent.NodeProgress.class::cast).toList();
            assertThat(progress).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.tasksDone()).isBetween(0L, p.tasksTotal()))
                    // Only nodes that ran Spark jobs: the failed read never started one, skipped nodes never ran.
                    .extracting(RunEvent.NodeProgress::nodeId).allMatch(Set.of("credit", "convertCredit")::contains);
            assertThat(progress).anyMatch(p -> p.tasksTotal() > 0 && p.tasksDone() > 0);
            // Progress goes to the server only: it means nothing in the event log once the run has ended.
            assertThat(run.events()).noneMatch(RunEvent.NodeProgress.class::isInstance);
        }
    }

    @Test
    void shouldStopKeepingLinesAtTheCapAndSaySo(@TempDir java.nio.file.Path dir) {
        Logger logger = LoggerFactory.getLogger("io.easel.engine.log.CapProbe");
        java.nio.file.Path file = dir.resolve("log.jsonl");
        var spark = SharedSpark.session().sparkContext();
        try (LogTags.Scope run = LogTags.run(spark, "capped-1");
                RunLog.Open log = RunLog.open("capped-1", new FileStore(spark.hadoopConfiguration()),
                        new Path(file.toUri()), JSON, new RunLog.Limits(4_000, 1_000))) {
            for (int i = 0; i < 200; i++) {
                logger.info("line {} of a chatty node", i);
            }
        }

        List<RunLogLine> lines = lines(file);
        assertThat(lines.getFirst().message()).isEqualTo("line 0 of a chatty node");
        assertThat(lines).hasSizeLessThan(60);
        assertThat(lines.get(lines.size() - 2).message()).contains("reached its cap of 4000 bytes");
        assertThat(lines.getLast().message()).matches("\\d+ log line\\(s\\) of this run were left out.*");
        assertThat(file.toFile().length()).isLessThan(4_000 + 400);
    }

    private static List<RunLogLine> lines(java.nio.file.Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> {
                try {
                    return JSON.readValue(line, RunLogLine.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
