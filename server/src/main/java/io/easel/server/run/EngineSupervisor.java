package io.easel.server.run;

import io.easel.run.RunState;
import io.easel.server.settings.StudioOnly;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs engines, at most {@code easel.engine.max-concurrent-runs} at once (the others wait, queued), and makes sure
 * every run ends: from the engine's callbacks; from its {@code status.json} when the engine ends or goes silent
 * without the callbacks having reported the end (a callback URL the driver cannot reach, a driver on a cluster node
 * after spark-submit handed it over); as failed when the engine is gone without either, when it exceeds
 * {@code easel.engine.timeout}, when it is cancelled, and when the server stops or restarts. The server never waits
 * on an engine forever.
 */
@Component
@StudioOnly
class EngineSupervisor {

    private static final Logger log = LoggerFactory.getLogger(EngineSupervisor.class);
    /** How long an engine that reported the end of its run may take to exit before it is stopped. */
    private static final Duration EXIT_GRACE = Duration.ofMinutes(2);
    private static final int LOG_LINES_ON_FAILURE = 20;

    private final RunLedger ledger;
    private final RunAnnouncer announcer;
    private final EngineLauncher launcher;
    private final LaunchPlanner planner;
    private final RunWorkspace workspace;
    private final EngineProperties settings;
    private final ClusterDrivers clusterDrivers;
    private final YarnDriverFailures yarnDriverFailures;
    private final ScheduledExecutorService timers;

    private final Instant processStarted = Instant.now();
    private final Deque<QueuedRun> waiting = new ArrayDeque<>();
    private final Map<UUID, Watch> active = new HashMap<>();
    private boolean stopping;

    private record QueuedRun(UUID runId, String token) {}

    /** One active run: its engine (null while being launched), its timeout and when it was last heard of. */
    private static final class Watch {
        private RunningEngine engine;
        private ScheduledFuture<?> timeout;
        private volatile long lastHeardNanos = System.nanoTime();
        /** The launcher side is gone but the driver lives on (cluster deploy mode). */
        private volatile boolean handedOver;
    }

    EngineSupervisor(RunLedger ledger, RunAnnouncer announcer, EngineLauncher launcher, LaunchPlanner planner,
            RunWorkspace workspace, EngineProperties settings, ClusterDrivers clusterDrivers,
            YarnDriverFailures yarnDriverFailures) {
        this.ledger = ledger;
        this.announcer = announcer;
        this.launcher = launcher;
        this.planner = planner;
        this.workspace = workspace;
        this.settings = settings;
        this.clusterDrivers = clusterDrivers;
        this.yarnDriverFailures = yarnDriverFailures;
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("easel-engine-supervisor").factory());
        long poll = settings.statusPollInterval().toMillis();
        timers.scheduleWithFixedDelay(this::pollSilentRuns, poll, poll, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes over what an earlier server process left, once this one is ready (model registration listens by then):
     * <ul>
     * <li>models exported but not registered are registered;</li>
     * <li>a run whose {@code status.json} tells its end ends as it says, its models registered;</li>
     * <li>a run whose engine still runs on this machine is adopted: followed through its process, its callbacks
     *     and its {@code status.json}, within what is left of its timeout; never failed while the engine lives;</li>
     * <li>a run handed to the cluster and still within its timeout is followed again;</li>
     * <li>a run that was still queued, or starting without having launched its engine, is queued again;</li>
     * <li>only a run whose engine is gone without a word fails.</li>
     * </ul>
     * Runs created since this process started are its own, whatever their state.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recoverUnfinishedRuns() {
        recoverRunsCreatedBefore(processStarted);
    }

    void recoverRunsCreatedBefore(Instant instant) {
        announcer.registerLeftovers();
        for (UUID runId : ledger.unfinishedBefore(instant)) {
            if (isTracked(runId)) {
                continue;
            }
            try {
                recover(runId);
            } catch (RuntimeException e) {
                log.error("Run {} left over from an earlier server process could not be recovered", runId, e);
            }
        }
    }

    private void recover(UUID runId) {
        if (reconcileFromStatus(runId)) {
            log.info("Run {} left over from an earlier server process ended as its status.json says", runId);
            return;
        }
        RunView run = ledger.view(runId);
        Duration left = run.startedAt() == null ? settings.timeout()
                : settings.timeout().minus(Duration.between(run.startedAt(), Instant.now()));
        Optional<ProcessHandle> engine = EngineProcesses.of(runId)
                .or(() -> EngineProcesses.warmEngineOf(planner.runDirectory(runId)));
        if (engine.isPresent()) {
            log.info("Run {}: its engine (process {}) outlived an earlier server process; following it again",
                    runId, engine.get().pid());
            adopt(runId, new AdoptedEngine(engine.get()), left.isPositive() ? left : Duration.ofSeconds(1));
            return;
        }
        if (neverLaunched(run)) {
            String token = CallbackTokens.newToken();
            if (ledger.requeue(runId, CallbackTokens.hash(token)).isPresent()) {
                log.info("Run {} had not started its engine when an earlier server process stopped; queued again",
                        runId);
                submit(runId, token);
                return;
            }
        }
        if (run.settings() != null && run.settings().clusterDeployMode() && left.isPositive()) {
            log.info("Run {} was handed to the cluster by an earlier server process; following it again", runId);
            adopt(runId, new HandedOver(), left);
            return;
        }
        ledger.finish(runId, RunState.FAILED, "The server restarted while this run was active, and its engine "
                + "was gone without reporting the end of the run." + lastLines(runId))
                .ifPresent(lost -> log.info("Run {} left over from an earlier server process failed", runId));
    }

    /**
     * Still queued, or marked starting by a server that died before it launched the engine: launching creates the
     * engine's log file, so a run without one has had no engine, and can be started as if nothing happened.
     */
    private boolean neverLaunched(RunView run) {
        return run.state() == RunState.QUEUED
                || run.state() == RunState.STARTING && !Files.exists(planner.logFile(run.id()));
    }

    /** Queues a run; it starts at once when fewer than the maximum of engines are running. */
    void submit(UUID runId, String token) {
        synchronized (this) {
            waiting.add(new QueuedRun(runId, token));
        }
        startWaiting();
    }

    /**
     * Cancels a queued or running run; its engine is stopped (a child process with all its descendants, a Spark
     * application through its handle). A run that has already ended keeps its state.
     */
    RunView cancel(UUID runId) {
        Watch watch;
        boolean wasQueued;
        synchronized (this) {
            wasQueued = waiting.removeIf(q -> q.runId().equals(runId));
            watch = active.get(runId);
        }
        String message = wasQueued ? "Cancelled before it started" : "Cancelled";
        ledger.finish(runId, RunState.CANCELLED, message).ifPresent(announcer::announce);
        if (watch != null) {
            stopOrRelease(runId, watch);
            killOnCluster(runId, "Cancelled in Easel");
        }
        return ledger.view(runId);
    }

    /** The engine's callback got through: the run is alive, no need to read its status.json yet. */
    void heardFrom(UUID runId) {
        Watch watch;
        synchronized (this) {
            watch = active.get(runId);
        }
        if (watch != null) {
            watch.lastHeardNanos = System.nanoTime();
        }
    }

    /** The run ended (reported by the engine or read from status.json); its engine should exit on its own shortly. */
    void endReported(UUID runId) {
        Watch watch;
        synchronized (this) {
            watch = active.get(runId);
        }
        if (watch == null || watch.engine == null) {
            return;
        }
        if (watch.engine.ended().isDone()) {
            release(runId);
            return;
        }
        RunningEngine engine = watch.engine;
        timers.schedule(() -> {
            if (!engine.ended().isDone()) {
                log.warn("The engine of run {} reported the end but did not exit within {}; stopping it", runId,
                        EXIT_GRACE);
                engine.stop();
            }
        }, EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
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
                active.put(next.runId(), new Watch());
            }
            launch(next);
        }
    }

    private void launch(QueuedRun queued) {
        UUID runId = queued.runId();
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
        announcer.announce(starting.get());
        RunningEngine engine;
        try {
            engine = launcher.launch(planner.plan(starting.get(), queued.token()));
        } catch (IOException | RuntimeException e) {
            log.warn("The engine of run {} could not be started", runId, e);
            ledger.finish(runId, RunState.FAILED, "The engine could not be started: " + e.getMessage())
                    .ifPresent(announcer::announce);
            release(runId);
            return;
        }
        log.info("Run {}: engine started ({})", runId, engine.describe());
        watch(runId, engine, settings.timeout());
        engine.onSparkApplication(appId -> {
            log.info("Run {}: Spark application {}", runId, appId);
            try {
                ledger.sparkApplication(runId, appId).ifPresent(announcer::announce);
            } catch (RuntimeException e) {
                log.warn("Run {}: could not record its Spark application id {}", runId, appId, e);
            }
        });
        if (ledger.view(runId).state().isFinal()) {
            engine.stop(); // cancelled while it was being launched
        }
    }

    /**
     * Follows the engine of a run an earlier server process started (a process that outlived it, or a driver it
     * handed to the cluster): callbacks, status.json, the end of the engine, what is left of the timeout. It takes a
     * slot of its own, beyond the maximum if need be: it runs already.
     */
    private void adopt(UUID runId, RunningEngine engine, Duration timeLeft) {
        synchronized (this) {
            active.put(runId, new Watch());
        }
        watch(runId, engine, timeLeft);
    }

    private void watch(UUID runId, RunningEngine engine, Duration timeLimit) {
        ScheduledFuture<?> timeout = timers.schedule(() -> timedOut(runId), timeLimit.toMillis(),
                TimeUnit.MILLISECONDS);
        synchronized (this) {
            Watch watch = active.computeIfAbsent(runId, id -> new Watch());
            watch.engine = engine;
            watch.timeout = timeout;
        }
        engine.ended().thenAcceptAsync(end -> engineEnded(runId, engine, end), timers);
    }

    /** The launched process or application handle is gone; the driver may or may not be. */
    private void engineEnded(UUID runId, RunningEngine engine, RunningEngine.EngineEnd end) {
        log.info("Run {}: engine {} {}", runId, engine.describe(), end.description());
        try {
            if (ledger.view(runId).state().isFinal() || reconcileFromStatus(runId)) {
                release(runId);
                return;
            }
            if (end.driverMayLiveOn()) {
                Watch watch;
                synchronized (this) {
                    watch = active.get(runId);
                }
                if (watch != null) {
                    watch.handedOver = true;
                }
                log.info("Run {}: the driver was handed to the cluster; following it through its callbacks and "
                        + "status.json", runId);
                return;
            }
            Optional<String> yarnDriver = YarnDriverFailures.driverApplication(ledger.view(runId));
            if (yarnDriver.isPresent()) {
                // A driver that died inside YARN's application master left its last words with YARN, which gathers
                // that container's log within seconds: the run ends once they are kept, off the supervisor's thread.
                Thread.ofVirtual().name("easel-yarn-driver-" + runId).start(() -> {
                    try {
                        failWithoutReport(runId, engine, end,
                                yarnDriverFailures.keepWithRun(runId, yarnDriver.get()));
                    } finally {
                        release(runId);
                    }
                });
                return;
            }
            failWithoutReport(runId, engine, end, "");
        } catch (RuntimeException e) {
            log.error("Run {}: could not record the end of its engine", runId, e);
        }
        release(runId);
    }

    /** The engine ended without the run's end having been reported: the run fails, with what is known of why. */
    private void failWithoutReport(UUID runId, RunningEngine engine, RunningEngine.EngineEnd end, String known) {
        try {
            ledger.finish(runId, RunState.FAILED, "The engine (" + engine.describe() + ") " + end.description()
                    + " without reporting the end of the run." + known + lastLines(runId))
                    .ifPresent(announcer::announce);
        } catch (RuntimeException e) {
            log.error("Run {}: could not record the end of its engine", runId, e);
        }
    }

    /** Reads status.json of active runs that have been silent for a poll interval, or whose driver is elsewhere. */
    private void pollSilentRuns() {
        long silence = settings.statusPollInterval().toNanos();
        List<UUID> silent;
        synchronized (this) {
            long now = System.nanoTime();
            silent = active.entrySet().stream()
                    .filter(e -> e.getValue().engine != null)
                    .filter(e -> e.getValue().handedOver || now - e.getValue().lastHeardNanos >= silence)
                    .map(Map.Entry::getKey)
                    .toList();
        }
        for (UUID runId : silent) {
            try {
                if (reconcileFromStatus(runId)) {
                    log.info("Run {} ended as its status.json says (its callbacks did not report the end)", runId);
                    endReported(runId);
                }
            } catch (RuntimeException e) {
                log.warn("Run {}: reconciling from status.json failed", runId, e);
            }
        }
    }

    /** Ends the run from its status.json when that tells the end; true when it did. */
    private boolean reconcileFromStatus(UUID runId) {
        Optional<RunLedger.Applied> applied = workspace.status(runId).flatMap(status -> ledger.reconcile(runId,
                status));
        applied.ifPresent(announcer::announce);
        return applied.isPresent();
    }

    private void timedOut(UUID runId) {
        log.warn("Run {} exceeded easel.engine.timeout ({}); stopping its engine", runId, settings.timeout());
        ledger.finish(runId, RunState.FAILED, "The run took longer than the limit of " + settings.timeout()
                + " (easel.engine.timeout) and was stopped").ifPresent(announcer::announce);
        Watch watch;
        synchronized (this) {
            watch = active.get(runId);
        }
        if (watch != null) {
            stopOrRelease(runId, watch);
            killOnCluster(runId, "Exceeded easel.engine.timeout in Easel");
        }
    }

    /**
     * Kills what the run left on the cluster, in the background ({@link ClusterDrivers}): stopping the launcher does
     * not end a YARN application, nor a cluster-mode driver pod on Kubernetes.
     */
    private Optional<Thread> killOnCluster(UUID runId, String reason) {
        Optional<RunView> run = viewQuietly(runId);
        if (run.isEmpty() || run.get().settings() == null) {
            return Optional.empty();
        }
        LaunchSettings launched = run.get().settings();
        return clusterDrivers.kill(new ClusterDrivers.Driver("Run " + runId, launched, run.get().sparkAppId(),
                KubernetesDrivers.podName(launched, runId), planner.logFile(runId), true), reason);
    }

    private Optional<RunView> viewQuietly(UUID runId) {
        try {
            return Optional.of(ledger.view(runId));
        } catch (RuntimeException e) {
            log.warn("Run {}: could not be read", runId, e);
            return Optional.empty();
        }
    }

    /** Stops a running engine (it is released when it ends), or releases the slot of one that already ended. */
    private void stopOrRelease(UUID runId, Watch watch) {
        RunningEngine engine = watch.engine;
        if (engine == null) {
            return; // being launched: launch() stops it once it sees the run ended
        }
        if (engine.ended().isDone()) {
            release(runId);
        } else {
            engine.stop();
        }
    }

    private void release(UUID runId) {
        synchronized (this) {
            Watch watch = active.remove(runId);
            if (watch != null && watch.timeout != null) {
                watch.timeout.cancel(false);
            }
        }
        startWaiting();
    }

    /**
     * The server is stopping: no engine may outlive it, and no run may stay "running" forever in the database. A run
     * whose driver was handed to the cluster is the exception: it keeps running there, and the next server process
     * follows it again.
     */
    @PreDestroy
    void stopAll() {
        List<UUID> queued;
        Map<UUID, Watch> running;
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
        List<Thread> clusterKills = new ArrayList<>();
        running.forEach((runId, watch) -> {
            if (watch.handedOver) {
                return;
            }
            finishQuietly(runId, message);
            if (watch.engine != null) {
                watch.engine.kill();
            }
            killOnCluster(runId, "The Easel server stopped").ifPresent(clusterKills::add);
        });
        ClusterDrivers.await(clusterKills);
        timers.shutdownNow();
    }

    private void finishQuietly(UUID runId, String message) {
        try {
            ledger.finish(runId, RunState.FAILED, message).ifPresent(announcer::announce);
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

    /** The driver of a run an earlier server process handed to the cluster: nothing here to stop. */
    private static final class HandedOver implements RunningEngine {

        private final CompletableFuture<EngineEnd> ended = CompletableFuture.completedFuture(
                new EngineEnd(false, true, "was handed to the cluster by an earlier server process"));

        @Override
        public String describe() {
            return "driver on the cluster";
        }

        @Override
        public CompletableFuture<EngineEnd> ended() {
            return ended;
        }

        @Override
        public void stop() {}

        @Override
        public void kill() {}
    }
}
