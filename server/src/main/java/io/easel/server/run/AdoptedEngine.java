package io.easel.server.run;

import java.util.concurrent.CompletableFuture;

/**
 * The engine of a run started by an earlier server process and still running: not this process's child, so it is
 * followed through its process handle (its end, not its exit code) and its {@code status.json}; stopping it stops its
 * descendants too, as for a {@link ChildProcessEngine}.
 */
final class AdoptedEngine implements RunningEngine {

    private final ProcessHandle process;
    private final CompletableFuture<EngineEnd> ended;

    AdoptedEngine(ProcessHandle process) {
        this.process = process;
        // The exit code of a process that is not our child is not known: only status.json tells how the run ended.
        this.ended = process.onExit().thenApply(p -> new EngineEnd(false, false, "exited"));
    }

    @Override
    public String describe() {
        return "process " + process.pid() + ", adopted after a server restart";
    }

    @Override
    public CompletableFuture<EngineEnd> ended() {
        return ended;
    }

    @Override
    public void stop() {
        ProcessTree.stop(process);
    }

    @Override
    public void kill() {
        ProcessTree.kill(process);
    }
}
