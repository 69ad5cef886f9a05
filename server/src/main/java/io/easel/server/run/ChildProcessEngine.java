package io.easel.server.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An engine started as a child process of the server (spark-submit or SparkSubmit from the engine's jars). Stopping it
 * stops its descendants too: spark-submit scripts start the JVM that is the driver.
 */
final class ChildProcessEngine implements RunningEngine {

    /** How long a stopped engine gets for its shutdown hooks before it is killed. */
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final CompletableFuture<EngineEnd> ended;

    /** @param driverMayOutliveProcess the process only submits the driver, which may live on after it exits */
    ChildProcessEngine(Process process, boolean driverMayOutliveProcess) {
        this.process = process;
        this.ended = process.onExit().thenApply(p -> {
            int code = p.exitValue();
            return new EngineEnd(code != 0, driverMayOutliveProcess && code == 0, "exited with code " + code);
        });
    }

    @Override
    public String describe() {
        return "process " + process.pid();
    }

    @Override
    public CompletableFuture<EngineEnd> ended() {
        return ended;
    }

    @Override
    public void stop() {
        ProcessTree.stop(process.toHandle());
    }

    @Override
    public void kill() {
        ProcessTree.kill(process.toHandle());
    }
}
