package io.easel.server.run;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the engine of a run among the processes of this machine, by its command line, which names the run
 * ({@code --run-id <id>}) whatever started it: spark-submit, the engine's own jars, a script standing in for them. An
 * engine started by an earlier server process outlives a server killed without a chance to stop it; the next server
 * process finds it here and follows it again.
 */
final class EngineProcesses {

    private EngineProcesses() {}

    /** The outermost live process whose command line names the run, if any. */
    static Optional<ProcessHandle> of(UUID runId) {
        List<ProcessHandle> engines = ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> namesRun(p, runId.toString()))
                .toList();
        return engines.stream()
                .filter(p -> p.parent().map(parent -> !engines.contains(parent)).orElse(true))
                .findFirst();
    }

    private static boolean namesRun(ProcessHandle process, String runId) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("--run-id") && arguments[i + 1].equals(runId)) {
                return true;
            }
        }
        return false;
    }
}
