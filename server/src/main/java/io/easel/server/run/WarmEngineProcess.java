package io.easel.server.run;

import io.easel.run.RunState;
import io.easel.run.WarmEngineProtocol;
import io.easel.run.WarmEngineProtocol.Command;
import io.easel.run.WarmEngineProtocol.Notice;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One warm engine process: commands go to its standard input, notices come from its standard output (read by a
 * thread of its own), its log (standard error, and whatever else it prints) goes to one log file. When the process
 * ends, every run still on it ends too, with the reason and the last lines of its log, and so does every request
 * for column statistics.
 */
final class WarmEngineProcess {

    private static final Logger log = LoggerFactory.getLogger(WarmEngineProcess.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LOG_LINES_ON_DEATH = 20;

    private final Process process;
    private final Path logFile;
    private final BufferedWriter commands;
    private final Map<String, WarmRun> runs = new ConcurrentHashMap<>();
    /** Column statistics asked for and not yet written, by table output location. */
    private final Map<String, CompletableFuture<Void>> statistics = new ConcurrentHashMap<>();
    private volatile boolean ready;
    private volatile boolean retired;
    private volatile long idleSinceNanos = System.nanoTime();

    private WarmEngineProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().name("easel-warm-engine-" + process.pid()).start(this::readNotices);
        process.onExit().thenAccept(p -> died("exited with code " + p.exitValue()));
    }

    /** Starts {@code command} in {@code directory}, its log appended to {@code logFile}. */
    static WarmEngineProcess start(List<String> command, Path directory, Path logFile, EngineEnvironment environment)
            throws IOException {
        Files.createDirectories(directory);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        environment.applyTo(builder.environment(), Map.of());
        return new WarmEngineProcess(builder.start(), logFile);
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    /** Alive, and still taking runs. */
    boolean takesRuns() {
        return process.isAlive() && !retired;
    }

    boolean isReady() {
        return ready;
    }

    /** Has had no run nor statistics to compute for at least {@code nanos}. */
    boolean idleFor(long nanos) {
        return runs.isEmpty() && statistics.isEmpty() && System.nanoTime() - idleSinceNanos >= nanos;
    }

    /**
     * Asks the engine for the column statistics of the table output at {@code location}, unless they are asked for
     * already; completes when they are written, exceptionally with a {@link StatisticsFailure} when they cannot be.
     */
    CompletableFuture<Void> statistics(String location) throws IOException {
        CompletableFuture<Void> asked = new CompletableFuture<>();
        CompletableFuture<Void> earlier = statistics.putIfAbsent(location, asked);
        if (earlier != null) {
            return earlier;
        }
        try {
            send(Command.statistics(location));
        } catch (IOException e) {
            statistics.remove(location);
            throw e;
        }
        return asked;
    }

    /** Why the engine could not write column statistics, in its words. */
    static final class StatisticsFailure extends RuntimeException {
        StatisticsFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Hands a run to the engine; {@code run} learns from its notices how it goes. */
    void submit(WarmRun run, Command command) throws IOException {
        runs.put(command.runId(), run);
        try {
            send(command);
        } catch (IOException e) {
            runs.remove(command.runId());
            throw e;
        }
    }

    void cancel(String runId) {
        try {
            send(Command.cancel(runId));
        } catch (IOException e) {
            log.warn("Could not ask the warm engine (process {}) to cancel run {}: {}", pid(), runId, e.toString());
        }
    }

    /**
     * Takes no more runs: its input ends, so it exits once the runs under way have ended. {@code run}, when given,
     * no longer waits for it.
     */
    void retire(String reason) {
        retired = true;
        log.info("The warm engine (process {}) takes no more runs: {}", pid(), reason);
        synchronized (commands) {
            try {
                commands.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    /** Forgets a run that no longer waits for the engine (cancelled and left to finish). */
    void forget(String runId) {
        runs.remove(runId);
    }

    /** Kills the process with everything it started. */
    void kill() {
        retired = true;
        ProcessTree.kill(process.toHandle());
    }

    private void send(Command command) throws IOException {
        String line = JSON.writeValueAsString(command);
        synchronized (commands) {
            commands.write(line);
            commands.newLine();
            commands.flush();
        }
    }

    private void readNotices() {
        try (BufferedReader notices = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = notices.readLine()) != null) {
                if (line.startsWith(WarmEngineProtocol.NOTICE_PREFIX)) {
                    handle(line.substring(WarmEngineProtocol.NOTICE_PREFIX.length()));
                } else {
                    appendToLog(line);
                }
            }
        } catch (IOException e) {
            log.debug("The notices of the warm engine (process {}) ended: {}", pid(), e.toString());
        }
    }

    private void handle(String json) {
        Notice notice;
        try {
            notice = JSON.readValue(json, Notice.class);
        } catch (JacksonException e) {
            log.warn("The warm engine (process {}) sent a notice that is not one: {}", pid(), json);
            return;
        }
        switch (notice.op()) {
            case Notice.READY -> {
                ready = true;
                log.info("The warm engine (process {}) is ready", pid());
            }
            case Notice.STARTED -> log.debug("Run {} started on the warm engine", notice.runId());
            case Notice.REFUSED -> ended(notice.runId()).ifPresent(run -> run.refused(notice.message()));
            case Notice.ENDED -> ended(notice.runId()).ifPresent(run -> run.endedOnEngine(
                    notice.state() == null ? RunState.FAILED : notice.state(), notice.message()));
            case Notice.STATISTICS_WRITTEN -> statisticsDone(notice.location()).ifPresent(s -> s.complete(null));
            case Notice.STATISTICS_FAILED -> statisticsDone(notice.location()).ifPresent(s -> s.completeExceptionally(
                    new StatisticsFailure(notice.message() == null ? "no reason given" : notice.message())));
            default -> log.warn("The warm engine (process {}) sent an unknown notice '{}'", pid(), notice.op());
        }
    }

    private java.util.Optional<WarmRun> ended(String runId) {
        WarmRun run = runs.remove(runId);
        if (runs.isEmpty()) {
            idleSinceNanos = System.nanoTime();
        }
        return java.util.Optional.ofNullable(run);
    }

    private java.util.Optional<CompletableFuture<Void>> statisticsDone(String location) {
        CompletableFuture<Void> asked = location == null ? null : statistics.remove(location);
        if (statistics.isEmpty() && runs.isEmpty()) {
            idleSinceNanos = System.nanoTime();
        }
        return java.util.Optional.ofNullable(asked);
    }

    private void died(String how) {
        retired = true;
        String description = "the warm engine (process " + pid() + ") " + how;
        for (String location : List.copyOf(statistics.keySet())) {
            CompletableFuture<Void> asked = statistics.remove(location);
            if (asked != null) {
                asked.completeExceptionally(new StatisticsFailure("The warm engine " + how
                        + " before the statistics were written"));
            }
        }
        if (runs.isEmpty()) {
            log.info("{}", description);
            return;
        }
        log.warn("{} with {} run(s) on it", description, runs.size());
        List<String> lastLines = List.of();
        try {
            lastLines = EngineLogTail.read(logFile, LOG_LINES_ON_DEATH);
        } catch (IOException e) {
            log.warn("Could not read the log {} of the warm engine: {}", logFile, e.toString());
        }
        for (String runId : List.copyOf(runs.keySet())) {
            WarmRun run = runs.remove(runId);
            if (run != null) {
                run.engineDied(how, lastLines);
            }
        }
    }

    private void appendToLog(String line) {
        try {
            appendLine(logFile, line);
        } catch (IOException e) {
            log.debug("Could not append to {}: {}", logFile, e.toString());
        }
    }

    /** Adds a line to a log file (the warm engine's, or a run's own), creating it if need be. */
    static void appendLine(Path file, String line) throws IOException {
        Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
