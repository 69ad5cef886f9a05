package io.easel.server.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture.delayedExecutor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        });
    }

    @Override
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
