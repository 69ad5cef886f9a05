package io.easel.server.run;

import io.easel.run.RunState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run handed to the warm engine. It ends when the engine says the run's thread is done, or when the engine dies.
 * A run the engine refuses (a setting only a starting driver takes) starts an engine of its own instead, and is that
 * engine from then on.
 */
final class WarmRun implements RunningEngine {

    private static final Logger log = LoggerFactory.getLogger(WarmRun.class);

    /** Starts the engine of the run's own when the warm engine refuses it. */
    interface OwnEngine {
        RunningEngine launch() throws IOException;
    }

    private final UUID runId;
    private final WarmEngineProcess engine;
    private final Path runLog;
    private final OwnEngine ownEngine;
    private final Duration cancelGrace;
    private final CompletableFuture<EngineEnd> ended = new CompletableFuture<>();
    private volatile RunningEngine own;
    private volatile boolean stopped;

    WarmRun(UUID runId, WarmEngineProcess engine, Path runLog, OwnEngine ownEngine, Duration cancelGrace) {
        this.runId = runId;
        this.engine = engine;
        this.runLog = runLog;
        this.ownEngine = ownEngine;
        this.cancelGrace = cancelGrace;
    }

    @Override
    public String describe() {
        RunningEngine mine = own;
        return mine != null ? mine.describe() : "warm engine, process " + engine.pid();
    }

    @Override
    public CompletableFuture<EngineEnd> ended() {
        return ended;
    }

    /**
     * Cancels the run on the warm engine. A run still going after the grace period is left to finish there: that
     * engine takes no more runs, and this run no longer waits for it.
     */
    @Override
    public void stop() {
        stopped = true;
        RunningEngine mine = own;
        if (mine != null) {
            mine.stop();
            return;
        }
        engine.cancel(runId.toString());
        CompletableFuture.delayedExecutor(cancelGrace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!ended.isDone()) {
                engine.forget(runId.toString());
                engine.retire("run " + runId + " did not stop within " + cancelGrace + " of being cancelled");
                ended.complete(new EngineEnd(true, false, "did not stop within " + cancelGrace
                        + " of being cancelled; it is left to finish on a warm engine that takes no more runs"));
            }
        });
    }

    /** The server is going away: the warm engine goes with it (see {@link WarmEngineLauncher#close()}). */
    @Override
    public void kill() {
        RunningEngine mine = own;
        if (mine != null) {
            mine.kill();
        }
    }

    /** The engine's thread for this run is done; the run's end is in its status.json and callbacks. */
    void endedOnEngine(RunState state, String message) {
        ended.complete(new EngineEnd(state != RunState.SUCCEEDED, false, "ended the run as " + state.jsonName()
                + (message == null ? "" : " (" + message + ")")));
    }

    /** The warm engine cannot take this run: it gets an engine of its own, unless it was cancelled meanwhile. */
    void refused(String reason) {
        log.info("Run {}: the warm engine cannot take it ({}); starting an engine of its own", runId, reason);
        note("The warm engine could not take this run (" + reason + "); it runs on an engine of its own.");
        if (stopped) {
            ended.complete(new EngineEnd(false, false, "was cancelled before it started"));
            return;
        }
        try {
            RunningEngine mine = ownEngine.launch();
            own = mine;
            mine.ended().whenComplete((end, failure) -> {
                if (failure != null) {
                    ended.completeExceptionally(failure);
                } else {
                    ended.complete(end);
                }
            });
            if (stopped) {
                mine.stop();
            }
        } catch (IOException | RuntimeException e) {
            ended.complete(new EngineEnd(true, false, "could not be started: " + e.getMessage()));
        }
    }

    /** The warm engine died with this run on it: {@code how} it ended ("exited with code 137"). */
    void engineDied(String how, List<String> lastLines) {
        note("The warm engine (process " + engine.pid() + ") " + how + ". Last lines of its log " + engine.logFile()
                + ":" + System.lineSeparator() + String.join(System.lineSeparator(), lastLines));
        ended.complete(new EngineEnd(true, false, how));
    }

    /** Adds to the run's own log (the one the supervisor quotes when the run fails). */
    private void note(String text) {
        try {
            WarmEngineProcess.appendLine(runLog, text);
        } catch (IOException e) {
            log.debug("Could not write to {}: {}", runLog, e.toString());
        }
    }
}
