package io.easel.server.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server killed without shutting down (kill -9, out of memory) leaves its embedded PostgreSQL running, and the next
 * start then fails on "lock file postmaster.pid already exists". The embedded database holds a file lock
 * ({@value #LOCK_FILE}) on its data directory for as long as its JVM lives; when nobody holds that lock but a
 * postmaster still serves the directory, that postmaster is an orphan, and is stopped here.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    /** The lock file io.zonky's EmbeddedPostgres keeps in its data directory. */
    static final String LOCK_FILE = "epg-lock";

    private OrphanedPostgres() {}

    static void stopIfAny(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster(pidFile, dataDir);
        if (postmaster.isEmpty() || !nobodyHoldsTheLock(dataDir)) {
            return; // a stale pid file (PostgreSQL copes), or a live server owns the directory (start will say so)
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("Stopping PostgreSQL process {} left running on {} by a server that did not shut down", orphan.pid(),
                dataDir);
        orphan.destroy(); // SIGTERM: a "smart" shutdown, which with no clients left is immediate
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception notYet) {
            orphan.destroyForcibly();
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile, Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    // the pid may have been reused by an unrelated process since
                    .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean nobodyHoldsTheLock(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException held) {
            return false;
        }
    }
}
