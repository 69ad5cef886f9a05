package io.easel.server.run;

import io.easel.run.WarmEngineProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    /**
     * The warm engine a run went to ({@link WarmEngineLauncher#PID_FILE} in its directory), if it still runs: a warm
     * engine whose server is gone takes no more runs, finishes those under way and exits.
     */
    static Optional<ProcessHandle> warmEngineOf(Path runDirectory) {
        Path pidFile = runDirectory.resolve(WarmEngineLauncher.PID_FILE);
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        // The id may have gone to another process since: only a warm engine's command line counts.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> Arrays.asList(
                p.info().arguments().orElse(new String[0])).contains(WarmEngineProtocol.MAIN_CLASS));
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
