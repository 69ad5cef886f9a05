package io.easel.server.run;

import io.easel.run.RunState;
import io.easel.server.settings.StoredJson;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs engines, at most {@code easel.engine.max-concurrent-runs} at once (the others wait, queued), and makes sure
 * every run ends: when an engine exits without having reported the end, when it exceeds {@code easel.engine.timeout},
 * when it is cancelled, and when the server stops or restarts. The server never waits on an engine forever.
 */
@Component
class EngineSupervisor {

    private static final Logger log = LoggerFactory.getLogger(EngineSupervisor.class);
    /** How long an engine that reported the end of its run may take to exit before it is stopped. */
    private static final Duration EXIT_GRACE = Duration.ofMinutes(2);
    /** How long a stopped engine gets for its shutdown hooks before it is killed. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final int LOG_LINES_ON_FAILURE = 20;

    private final RunLedger ledger;
    private final RunChanges changes;
    private final EngineLauncher launcher;
    private final LaunchPlanner planner;
    private final EngineProperties settings;
    private final ScheduledExecutorService timers;

    private final Deque<QueuedRun> waiting = new ArrayDeque<>();
    private final Map<UUID, Engine> active = new HashMap<>();
    private boolean stopping;

    private record QueuedRun(UUID runId, String token) {}

    private record Engine(Process process, ScheduledFuture<?> timeout) {}

    EngineSupervisor(RunLedger ledger, RunChanges changes, EngineLauncher launcher, LaunchPlanner planner,
            EngineProperties settings) {
        this.ledger = ledger;
        this.changes = changes;
        this.launcher = launcher;
        this.planner = planner;
        this.settings = settings;
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("easel-engine-supervisor").factory());
    }

    /** Runs left unfinished by an earlier server process have no engine watched by this one: end them now. */
    @PostConstruct
    void recoverUnfinishedRuns() {
        for (UUID runId : ledger.unfinished()) {
            if (isTracked(runId)) {
                continue;
            }
            Optional<EngineStatusFile> status = statusFile(runId);
            ledger.recover(runId, status, "The server restarted while this run was active; its engine was lost")
                    .ifPresent(run -> log.info("Run {} left over from an earlier server process is now {}", runId,
                            run.state()));
        }
    }

    /** Queues a run; it starts at once when fewer than the maximum of engines are running. */
    void submit(UUID runId, String token) {
        synchronized (this) {
            waiting.add(new QueuedRun(runId, token));
        }
        startWaiting();
    }

    /**
     * Cancels a queued or running run; its engine process and all its descendants are stopped. A run that has
     * already ended keeps its state.
     */
    RunView cancel(UUID runId) {
        Engine engine;
        boolean wasQueued;
        synchronized (this) {
            wasQueued = waiting.removeIf(q -> q.runId().equals(runId));
            engine = active.get(runId);
        }
        String message = wasQueued ? "Cancelled before it started" : "Cancelled";
        ledger.finish(runId, RunState.CANCELLED, message).ifPresent(changes::publish);
        if (engine != null) {
            stop(engine.process());
        }
        return ledger.view(runId);
    }

    /** The engine reported the end of its run; it should exit on its own shortly, and is stopped if it does not. */
    void endReported(UUID runId) {
        Engine engine;
        synchronized (this) {
            engine = active.get(runId);
        }
        if (engine != null) {
            timers.schedule(() -> {
                if (engine.process().isAlive()) {
                    log.warn("The engine of run {} reported the end but did not exit within {}; stopping it", runId,
                            EXIT_GRACE);
                    stop(engine.process());
                }
            }, EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized boolean isTracked(UUID runId) {
        return active.containsKey(runId) || waiting.stream().anyMatch(q -> q.runId().equals(runId));
    }

    private void startWaiting() {
        while (true) {
            QueuedRun next;
            synchronized (this) {
                if (stopping || waiting.isEmpty() || active.size() >= settings.maxConcurrentRuns()) {
                    return;
                }
                next = waiting.poll();
                // Reserve the slot before launching, outside the lock, so concurrent submits respect the limit.
                active.put(next.runId(), new Engine(null, null));
            }
            launch(next);
        }
    }

    private void launch(QueuedRun run) {
        UUID runId = run.runId();
        Optional<RunView> starting;
        try {
            starting = ledger.starting(runId);
        } catch (RuntimeException e) {
            log.error("Run {} could not be marked as starting", runId, e);
            starting = Optional.empty();
        }
        if (starting.isEmpty()) {
            release(runId);
            return;
        }
        changes.publish(starting.get());
        Process process;
        try {
            process = launcher.launch(planner.plan(runId, run.token()));
        } catch (IOException | RuntimeException e) {
            log.warn("The engine of run {} could not be started", runId, e);
            ledger.finish(runId, RunState.FAILED, "The engine could not be started: " + e.getMessage())
                    .ifPresent(changes::publish);
            release(runId);
            return;
        }
        log.info("Run {}: engine started as process {}", runId, process.pid());
        ScheduledFuture<?> timeout = timers.schedule(() -> timedOut(runId, process), settings.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        synchronized (this) {
            active.put(runId, new Engine(process, timeout));
        }
        process.onExit().thenRunAsync(() -> exited(runId, process), timers);
        if (ledger.view(runId).state().isFinal()) {
            stop(process); // cancelled while it was being launched
        }
    }

    private void exited(UUID runId, Process process) {
        int exitCode = process.exitValue();
        log.info("Run {}: engine process {} exited with code {}", runId, process.pid(), exitCode);
        try {
            ledger.finish(runId, RunState.FAILED, "The engine exited with code " + exitCode
                    + " without reporting the end of the run." + lastLines(runId)).ifPresent(changes::publish);
        } catch (RuntimeException e) {
            log.error("Run {}: could not record the end of its engine", runId, e);
        }
        release(runId);
    }

    private void timedOut(UUID runId, Process process) {
        log.warn("Run {} exceeded easel.engine.timeout ({}); stopping its engine", runId, settings.timeout());
        ledger.finish(runId, RunState.FAILED, "The run took longer than the limit of " + settings.timeout()
                + " (easel.engine.timeout) and was stopped").ifPresent(changes::publish);
        stop(process);
    }

    private void release(UUID runId) {
        synchronized (this) {
            Engine engine = active.remove(runId);
            if (engine != null && engine.timeout() != null) {
                engine.timeout().cancel(false);
            }
        }
        startWaiting();
    }

    /** Asks the engine and everything it started to stop, and kills what is still alive after a grace period. */
    private void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        timers.schedule(() -> {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }, KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server is stopping: no engine may outlive it, and no run may stay "running" forever in the database. */
    @PreDestroy
    void stopAll() {
        List<UUID> queued;
        Map<UUID, Engine> running;
        synchronized (this) {
            stopping = true;
            queued = waiting.stream().map(QueuedRun::runId).toList();
            waiting.clear();
            running = Map.copyOf(active);
        }
        String message = "The server stopped while this run was active";
        for (UUID runId : queued) {
            finishQuietly(runId, message);
        }
        running.forEach((runId, engine) -> {
            finishQuietly(runId, message);
            if (engine.process() != null) {
                engine.process().descendants().forEach(ProcessHandle::destroyForcibly);
                engine.process().destroyForcibly();
            }
        });
        timers.shutdownNow();
    }

    private void finishQuietly(UUID runId, String message) {
        try {
            ledger.finish(runId, RunState.FAILED, message).ifPresent(changes::publish);
        } catch (RuntimeException e) {
            log.warn("Run {}: could not record that the server stopped", runId, e);
        }
    }

    private String lastLines(UUID runId) {
        Path logFile = planner.logFile(runId);
        try {
            List<String> lines = EngineLogTail.read(logFile, LOG_LINES_ON_FAILURE);
            return lines.isEmpty() ? " The engine log " + logFile + " is empty."
                    : " Last lines of " + logFile + ":\n" + String.join("\n", lines);
        } catch (IOException e) {
            return " The engine log " + logFile + " could not be read: " + e.getMessage();
        }
    }

    private Optional<EngineStatusFile> statusFile(UUID runId) {
        try {
            URI workspace = URI.create(planner.workspace());
            if (!"file".equals(workspace.getScheme())) {
                return Optional.empty(); // only local workspaces are read back; elsewhere the run just fails
            }
            Path file = Path.of(workspace).resolve(runId.toString()).resolve("status.json");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(StoredJson.MAPPER.readValue(file.toFile(), EngineStatusFile.class));
        } catch (RuntimeException e) {
            log.warn("Run {}: its status.json could not be read", runId, e);
            return Optional.empty();
        }
    }
}
