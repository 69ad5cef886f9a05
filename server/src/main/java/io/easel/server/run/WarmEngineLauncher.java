package io.easel.server.run;

import io.easel.run.WarmEngineProtocol;
import io.easel.run.WarmEngineProtocol.Command;
import io.easel.server.plugin.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the runs a warm engine can take to it, and starts an engine of their own for the others
 * ({@link SparkDriverLauncher}). A warm engine takes a run in local mode, client deploy mode, with the server's
 * resources and Spark settings, plus any Spark SQL settings of its experiment (set on the run's own session). There
 * is one warm engine at a time: started with the first run (or when the server is ready), replaced when it dies or
 * is retired, and stopped when idle for long.
 */
final class WarmEngineLauncher implements EngineLauncher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WarmEngineLauncher.class);
    /** Beside each run's own files: the process id of the warm engine it went to (read after a server restart). */
    static final String PID_FILE = "warm-engine.pid";

    private final SparkDriverLauncher ownEngines;
    private final EngineProperties engine;
    private final WarmEngineProperties warm;
    private final EngineEnvironment environment;
    private final PluginJars plugins;
    private final Path directory;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("easel-warm-engine-timer").factory());
    private final List<WarmEngineProcess> retired = new ArrayList<>();
    private WarmEngineProcess current;
    private boolean closed;

    /** @param directory the warm engine's working directory and log ({@code <data-dir>/engines}) */
    WarmEngineLauncher(SparkDriverLauncher ownEngines, EngineProperties engine, WarmEngineProperties warm,
            EngineEnvironment environment, PluginJars plugins, Path directory) {
        this.ownEngines = ownEngines;
        this.engine = engine;
        this.warm = warm;
        this.environment = environment;
        this.plugins = plugins;
        this.directory = directory;
        long check = Math.max(1_000, Math.min(warm.idleTimeout().toMillis(), 60_000) / 2);
        timers.scheduleWithFixedDelay(this::retireIfIdle, check, check, TimeUnit.MILLISECONDS);
    }

    @Override
    public RunningEngine launch(EngineLaunch launch) throws IOException {
        Optional<Map<String, String>> sessionConf = sessionConf(launch.settings());
        if (sessionConf.isEmpty() || launch.computesStatistics()) {
            return ownEngines.launch(launch);
        }
        Command command = Command.run(launch.runId().toString(), launch.engineArguments(), launch.engineEnvironment(),
                sessionConf.get());
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 2; attempt++) { // a warm engine may die between the check and the handing
            WarmEngineProcess process = process();
            WarmRun run = new WarmRun(launch.runId(), process, launch.logFile(), () -> ownEngines.launch(launch),
                    warm.cancelGrace());
            try {
                WarmEngineProcess.appendLine(launch.logFile(), "This run runs on the warm engine (process "
                        + process.pid() + "); its log is " + process.logFile());
                Files.writeString(launch.runDirectory().resolve(PID_FILE), Long.toString(process.pid()));
                process.submit(run, command);
                return run;
            } catch (IOException e) {
                lastFailure = e;
                process.retire("it could not be handed run " + launch.runId() + ": " + e.getMessage());
            }
        }
        throw lastFailure;
    }

    /**
     * Whether the warm engine can read the workspace as the server does: a local driver in client deploy mode, the
     * only kind of warm engine that takes runs.
     */
    boolean computesStatistics() {
        LaunchSettings server = LaunchSettings.effective(engine, null);
        return server.master().startsWith("local") && !server.clusterDeployMode();
    }

    /**
     * Asks the warm engine (started if need be) for the column statistics of the table output at {@code location};
     * see {@link WarmEngineProcess#statistics}.
     */
    CompletableFuture<Void> statistics(String location) throws IOException {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 2; attempt++) { // a warm engine may die between the check and the asking
            WarmEngineProcess process = process();
            try {
                return process.statistics(location);
            } catch (IOException e) {
                lastFailure = e;
                process.retire("it could not be asked for column statistics: " + e.getMessage());
            }
        }
        throw lastFailure;
    }

    /**
     * The Spark SQL settings of a run beyond the warm engine's own, when the warm engine can take the run: same
     * master (local), client deploy mode, the server's resources, and no other setting of its own.
     */
    Optional<Map<String, String>> sessionConf(LaunchSettings run) {
        LaunchSettings server = LaunchSettings.effective(engine, null);
        boolean sameDriver = run.master().equals(server.master()) && server.master().startsWith("local")
                && !run.clusterDeployMode()
                && Objects.equals(run.driverMemory(), server.driverMemory())
                && Objects.equals(run.driverCores(), server.driverCores())
                && Objects.equals(run.executorMemory(), server.executorMemory())
                && Objects.equals(run.executorCores(), server.executorCores())
                && Objects.equals(run.numExecutors(), server.numExecutors())
                && run.conf().keySet().containsAll(server.conf().keySet());
        if (!sameDriver) {
            return Optional.empty();
        }
        Map<String, String> own = new TreeMap<>();
        for (Map.Entry<String, String> setting : run.conf().entrySet()) {
            if (setting.getValue().equals(server.conf().get(setting.getKey()))) {
                continue;
            }
            if (!setting.getKey().startsWith("spark.sql.")) {
                return Optional.empty();
            }
            own.put(setting.getKey(), setting.getValue());
        }
        return Optional.of(own);
    }

    /** Starts the warm engine now, if it is not running, so that the first run does not wait for it. */
    void prestart() {
        try {
            process();
        } catch (IOException | RuntimeException e) {
            log.warn("The warm engine could not be started ahead of the first run: {}", e.getMessage());
        }
    }

    /** The warm engine taking runs, started if need be. */
    private synchronized WarmEngineProcess process() throws IOException {
        if (closed) {
            throw new IOException("the server is stopping");
        }
        if (current != null && current.takesRuns()) {
            return current;
        }
        if (current != null) {
            retired.add(current);
        }
        List<String> command = ownEngines.command(LaunchSettings.effective(engine, null), plugins.jars(),
                WarmEngineProtocol.MAIN_CLASS, List.of());
        WarmEngineProcess started = WarmEngineProcess.start(command, directory, directory.resolve("warm-engine.log"),
                environment);
        log.info("Started the warm engine (process {}); its log is {}", started.pid(), started.logFile());
        timers.schedule(() -> {
            if (!started.isReady() && started.takesRuns()) {
                log.warn("The warm engine (process {}) was not ready within {}; killing it", started.pid(),
                        warm.startTimeout());
                started.kill();
            }
        }, warm.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        current = started;
        return started;
    }

    private synchronized void retireIfIdle() {
        if (current != null && current.takesRuns() && current.idleFor(warm.idleTimeout().toNanos())) {
            current.retire("no run for " + warm.idleTimeout());
            retired.add(current);
            current = null;
        }
        retired.removeIf(process -> !process.isAlive());
    }

    /** The server is stopping: no warm engine outlives it. */
    @Override
    public synchronized void close() {
        closed = true;
        timers.shutdownNow();
        if (current != null) {
            current.kill();
        }
        retired.forEach(WarmEngineProcess::kill);
    }
}
