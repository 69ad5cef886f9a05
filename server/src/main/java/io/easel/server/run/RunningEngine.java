package io.easel.server.run;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What the server holds of a launched engine: a child process, or a Spark application handle. */
public interface RunningEngine {

    /** For logs and messages: "process 1234", "Spark application app-2026…". */
    String describe();

    /** Completes when the launched process or application handle is gone, with how it ended. */
    CompletableFuture<EngineEnd> ended();

    /** Asks the engine to stop, and kills it if it is still there after a grace period. */
    void stop();

    /** Kills the engine at once (the server is going away). */
    void kill();

    /** Calls {@code listener} once with the Spark application id when the launcher learns it (now if known). */
    default void onSparkApplication(Consumer<String> listener) {}

    /**
     * How a launched engine ended, as far as the server can see.
     *
     * @param failed the launch itself went wrong (exit code not 0, application FAILED or KILLED)
     * @param driverMayLiveOn only the submitting side ended: in cluster deploy mode the driver runs on the cluster
     *     and is followed through its callbacks and status.json
     * @param description what happened, for the run's message ("exited with code 1", "ended as FAILED")
     */
    record EngineEnd(boolean failed, boolean driverMayLiveOn, String description) {}
}
