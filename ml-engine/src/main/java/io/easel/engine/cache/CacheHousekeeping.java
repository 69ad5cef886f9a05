package io.easel.engine.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.store.FileStore;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the workspace cache ({@code <workspace>/cache/}, every scope) within its size limit, run by each run when it
 * ends: entries whose tables are gone (their runs were deleted) are dropped, then the least recently used entries
 * (last stored or reused) are evicted until the cache fits, and then the saved feature steps no entry uses any more.
 *
 * <p>What counts is what the cache itself holds: manifests, saved models and feature steps. Tables are never in it
 * and never removed here: an entry points at the Parquet the run that computed it wrote, which belongs to that run
 * (and goes with it). So a table a run reused, or is reading right now, is never a directory eviction removes.
 *
 * <p>A run may be storing outputs while another one sweeps: entries without a manifest and steps no entry uses are
 * left alone until they are older than {@link #GRACE}.
 */
public final class CacheHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(CacheHousekeeping.class);
    /** How long a half-written entry or steps directory may wait for its manifest. */
    static final Duration GRACE = Duration.ofMinutes(10);
    private static final String STEPS = "steps";

    private final FileStore store;
    private final Path workspace;
    private final ObjectMapper json;

    public CacheHousekeeping(FileStore store, Path workspace, ObjectMapper json) {
        this.store = store;
        this.workspace = workspace;
        this.json = json;
    }

    /**
     * What a sweep did.
     *
     * @param bytes the size of the cache before and after
     * @param evicted the fingerprints of the entries evicted to fit the limit, least recently used first
     * @param dangling the fingerprints of the entries dropped because a table they point at is gone
     */
    public record Sweep(long bytesBefore, long bytesAfter, List<String> evicted, List<String> dangling) {}

    private record Entry(String fingerprint, Path path, long bytes, long lastUsed, boolean dangling,
            List<String> steps) {}

    /**
     * @param maxBytes the size limit; 0 only drops dangling entries and unused steps
     * @param inUse entries the sweeping run stored or reused: never evicted by it
     */
    public Sweep sweep(long maxBytes, Set<String> inUse) throws IOException {
        long now = System.currentTimeMillis();
        List<Entry> entries = new ArrayList<>();
        Map<String, FileStatus> steps = new HashMap<>();
        for (FileStatus scope : store.list(new Path(workspace, WorkspaceLayout.CACHE))) {
            for (FileStatus child : scope.isDirectory() ? store.list(scope.getPath()) : List.<FileStatus>of()) {
                String name = child.getPath().getName();
                if (name.equals(STEPS)) {
                    for (FileStatus run : store.list(child.getPath())) {
                        steps.put(relative(scope, STEPS + "/" + run.getPath().getName()), run);
                    }
                } else if (child.isDirectory() && name.matches("[0-9a-f]{64}")) {
                    entries.add(entry(child, now));
                }
            }
        }
        Map<String, Integer> stepUsers = new HashMap<>();
        entries.forEach(e -> e.steps().forEach(s -> stepUsers.merge(s, 1, Integer::sum)));
        Map<String, Long> stepBytes = new HashMap<>();
        for (Map.Entry<String, FileStatus> dir : steps.entrySet()) {
            stepBytes.put(dir.getKey(), store.size(dir.getValue().getPath()));
        }
        long before = entries.stream().mapToLong(Entry::bytes).sum()
                + stepBytes.values().stream().mapToLong(Long::longValue).sum();
        long size = before;
        List<String> dangling = new ArrayList<>();
        List<String> evicted = new ArrayList<>();
        entries.sort(Comparator.comparingLong(Entry::lastUsed));
        for (Entry entry : entries) {
            boolean evict = maxBytes > 0 && size > maxBytes && entry.lastUsed() > 0;
            if (inUse.contains(entry.fingerprint()) || !(entry.dangling() || evict)) {
                continue;
            }
            store.delete(entry.path());
            size -= entry.bytes();
            (entry.dangling() ? dangling : evicted).add(entry.fingerprint());
            entry.steps().forEach(s -> stepUsers.merge(s, -1, Integer::sum));
        }
        for (Map.Entry<String, FileStatus> dir : steps.entrySet()) {
            boolean unused = stepUsers.getOrDefault(dir.getKey(), 0) <= 0;
            if (unused && now - dir.getValue().getModificationTime() > GRACE.toMillis()) {
                store.delete(dir.getValue().getPath());
                size -= stepBytes.get(dir.getKey());
            }
        }
        if (!evicted.isEmpty() || !dangling.isEmpty()) {
            LOG.info("Cache housekeeping: {} → {} bytes (limit {}); evicted {}, dropped {} whose tables are gone",
                    before, size, maxBytes, evicted, dangling);
        }
        return new Sweep(before, size, evicted, dangling);
    }

    /**
     * One entry as found: its last use is the latest of its manifest and its {@code last-used} marker; an entry
     * without a manifest (outputs that could not be kept, or being written) is as old as its directory, and not
     * evictable (last use 0) within the grace period.
     */
    private Entry entry(FileStatus directory, long now) throws IOException {
        long lastUsed = 0;
        FileStatus manifest = null;
        for (FileStatus file : store.list(directory.getPath())) {
            String name = file.getPath().getName();
            if (name.equals(CacheManifest.FILE)) {
                manifest = file;
            }
            if (name.equals(CacheManifest.FILE) || name.equals(OutputCache.LAST_USED)) {
                lastUsed = Math.max(lastUsed, file.getModificationTime());
            }
        }
        String fingerprint = directory.getPath().getName();
        long bytes = store.size(directory.getPath());
        if (manifest == null) {
            boolean settled = now - directory.getModificationTime() > GRACE.toMillis();
            return new Entry(fingerprint, directory.getPath(), bytes, settled ? directory.getModificationTime() : 0,
                    false, List.of());
        }
        CacheManifest read;
        try {
            read = json.readValue(store.read(manifest.getPath()), CacheManifest.class);
        } catch (IOException | RuntimeException unreadable) {
            // Never loadable either: as good as gone.
            return new Entry(fingerprint, directory.getPath(), bytes, lastUsed, true, List.of());
        }
        List<String> steps = new ArrayList<>();
        boolean dangling = false;
        for (CacheManifest.Output output : read.outputs()) {
            CacheManifest.Lineage lineage = output.table() != null ? output.table().lineage()
                    : output.model() != null ? output.model().lineage() : null;
            if (lineage != null) {
                lineage.steps().forEach(step -> steps.add(stepsDirectory(step)));
            }
            if (output.table() != null && !store.exists(new Path(output.table().location()))) {
                dangling = true;
            }
        }
        return new Entry(fingerprint, directory.getPath(), bytes, lastUsed, dangling, List.copyOf(steps));
    }

    /** {@code cache/<scope>/steps/<runId>} of a saved step {@code cache/<scope>/steps/<runId>/<n>}. */
    private static String stepsDirectory(String step) {
        String[] parts = step.split("/");
        return parts.length < 4 ? step : String.join("/", parts[0], parts[1], parts[2], parts[3]);
    }

    private static String relative(FileStatus scope, String rest) {
        return WorkspaceLayout.CACHE + "/" + scope.getPath().getName() + "/" + rest;
    }
}
