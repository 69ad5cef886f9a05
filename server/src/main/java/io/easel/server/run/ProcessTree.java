package io.easel.server.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stopping an engine process with everything it started (spark-submit scripts start the JVM that is the driver). */
final class ProcessTree {

    private ProcessTree() {}

    /** Asks the process and its descendants to stop, and kills what is left after {@link ChildProcessEngine#KILL_GRACE}. */
    static void stop(ProcessHandle root) {
        if (!root.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = root.descendants().toList();
        root.destroy();
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture.delayedExecutor(ChildProcessEngine.KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (root.isAlive()) {
                root.destroyForcibly();
            }
        });
    }

    /** Kills the process and its descendants at once. */
    static void kill(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }
}
