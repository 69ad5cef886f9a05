package io.easel.server.run;

import io.easel.run.RunLogLine;
import io.easel.run.RunStatus;
import io.easel.run.WorkspaceLayout;
import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.settings.StoredJson;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The server's side of the run workspace ({@code easel.engine.workspace}), reached through the Hadoop FileSystem API
 * so {@code file:} and {@code hdfs://} (or any scheme with a Hadoop client) work alike: the experiment snapshot a
 * driver on a cluster node reads, the {@code status.json} the engine leaves at the end of a run, and the run's log.
 */
@Component
class RunWorkspace {

    private static final Logger log = LoggerFactory.getLogger(RunWorkspace.class);

    private final LaunchPlanner planner;
    private final HadoopAccess hadoop;

    RunWorkspace(LaunchPlanner planner, HadoopAccess hadoop) {
        this.planner = planner;
        this.hadoop = hadoop;
    }

    String location(UUID runId, String file) {
        return planner.workspaceFile(runId, file);
    }

    /** Writes the experiment snapshot to {@code <workspace>/<runId>/experiment.json}; answers its URI. */
    String writeExperiment(UUID runId, byte[] json) throws IOException {
        String uri = location(runId, WorkspaceLayout.EXPERIMENT);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(uri));
        try (OutputStream out = hadoop.fileSystem(path).create(path, true)) {
            out.write(json);
        } catch (IOException e) {
            throw hadoop.explained(e);
        }
        return uri;
    }

    /**
     * The Parquet files of a table output at {@code location} (as the engine reported it), which must lie in the
     * workspace: a location elsewhere is never read.
     *
     * @throws FileNotFoundException when the location is outside the workspace or no longer there
     */
    TableFiles tableFiles(String location) throws IOException {
        org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(URI.create(location).normalize());
        if (!inWorkspace(output)) {
            throw new FileNotFoundException(location + " is not in the run workspace " + planner.workspaceRoot());
        }
        return TableFiles.in(output, hadoop);
    }

    /**
     * The column statistics written beside the table output at {@code location} (as the engine reported it), which
     * must lie in the workspace; empty while there are none.
     */
    Optional<byte[]> statistics(String location) throws IOException {
        return read(beside(location, WorkspaceLayout.statistics(location)));
    }

    /**
     * Why a statistics job could not compute the statistics of the table output at {@code location}, when it left
     * that beside the output; removed as it is read, so that asking again tries again.
     */
    Optional<String> takeStatisticsFailure(String location) throws IOException {
        org.apache.hadoop.fs.Path file = beside(location, WorkspaceLayout.statisticsFailure(location));
        Optional<byte[]> reason = read(file);
        if (reason.isPresent()) {
            hadoop.fileSystem(file).delete(file, false);
        }
        return reason.map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip());
    }

    /** Whether a statistics job left why it failed beside the table output at {@code location} (not yet read). */
    boolean hasStatisticsFailure(String location) throws IOException {
        org.apache.hadoop.fs.Path file = beside(location, WorkspaceLayout.statisticsFailure(location));
        return hadoop.fileSystem(file).exists(file);
    }

    /** A file beside the table output at {@code location}, which must lie in the workspace. */
    private org.apache.hadoop.fs.Path beside(String location, String file) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(file).normalize());
        if (!inWorkspace(path)) {
            throw new FileNotFoundException(location + " is not in the run workspace " + planner.workspaceRoot());
        }
        return path;
    }

    private Optional<byte[]> read(org.apache.hadoop.fs.Path file) throws IOException {
        try (InputStream in = hadoop.fileSystem(file).open(file)) {
            return Optional.of(in.readAllBytes());
        } catch (FileNotFoundException notYet) {
            return Optional.empty();
        }
    }

    private boolean inWorkspace(org.apache.hadoop.fs.Path path) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(planner.workspaceRoot());
        String qualifiedRoot = hadoop.fileSystem(root).makeQualified(root).toString();
        String qualified = hadoop.fileSystem(path).makeQualified(path).toString();
        return qualified.startsWith(qualifiedRoot.endsWith("/") ? qualifiedRoot : qualifiedRoot + "/");
    }

    /**
     * Removes the files of a deleted run: its workspace directory, except the table outputs at {@code kept} (which
     * other runs reused), and its local directory (engine log, experiment snapshot) when that is elsewhere. Best
     * effort: what cannot be removed is logged.
     */
    void deleteRun(UUID runId, Set<String> kept) {
        try {
            URI runUri = planner.workspaceRoot().resolve(runId.toString());
            org.apache.hadoop.fs.Path directory = new org.apache.hadoop.fs.Path(runUri);
            FileSystem fileSystem = hadoop.fileSystem(directory);
            Set<String> keep = new HashSet<>();
            for (String location : kept) {
                String qualified = fileSystem.makeQualified(new org.apache.hadoop.fs.Path(
                        URI.create(location).normalize())).toString();
                keep.add(qualified.endsWith("/") ? qualified.substring(0, qualified.length() - 1) : qualified);
            }
            deleteExcept(fileSystem, fileSystem.makeQualified(directory), keep);
            java.nio.file.Path local = planner.runDirectory(runId).toAbsolutePath().normalize();
            boolean sameDirectory = "file".equals(runUri.getScheme())
                    && java.nio.file.Path.of(runUri).normalize().equals(local);
            if (!sameDirectory) {
                FileSystemUtils.deleteRecursively(local);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Run {}: its files could not all be removed: {}", runId, e.toString());
        }
    }

    /** Removes a table output at {@code location} (as the engine reported it), if it lies in the workspace. */
    void deleteTable(String location) {
        try {
            org.apache.hadoop.fs.Path table = new org.apache.hadoop.fs.Path(URI.create(location).normalize());
            FileSystem fileSystem = hadoop.fileSystem(table);
            if (inWorkspace(table)) {
                fileSystem.delete(table, true);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The table output {} could not be removed: {}", location, e.toString());
        }
    }

    private static void deleteExcept(FileSystem fileSystem, org.apache.hadoop.fs.Path path, Set<String> keep)
            throws IOException {
        String here = path.toString();
        if (keep.contains(here) || !fileSystem.exists(path)) {
            return;
        }
        if (keep.stream().noneMatch(k -> k.startsWith(here + "/"))) {
            fileSystem.delete(path, true);
            return;
        }
        for (FileStatus child : fileSystem.listStatus(path)) {
            deleteExcept(fileSystem, child.getPath(), keep);
        }
    }

    /**
     * What the engine of the run wrote to its {@code status.json}; empty while there is none (the engine writes it at
     * the end) and when it cannot be read (logged: the run then ends another way, at the latest by its timeout).
     */
    Optional<RunStatus> status(UUID runId) {
        String uri = location(runId, WorkspaceLayout.STATUS);
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(uri));
            FileSystem fileSystem = hadoop.fileSystem(path);
            try (InputStream in = fileSystem.open(path)) {
                return Optional.of(StoredJson.MAPPER.readValue(in.readAllBytes(), RunStatus.class));
            }
        } catch (FileNotFoundException notYet) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Run {}: {} could not be read: {}", runId, uri, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Adds lines at the end of the run's {@code log.jsonl}, creating it when the engine never did (a driver that died
     * before it started its log): for what the server learns of a run from elsewhere, such as the cluster manager.
     */
    void appendLog(UUID runId, List<RunLogLine> lines) throws IOException {
        String uri = location(runId, WorkspaceLayout.LOG);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(uri));
        try {
            FileSystem fileSystem = hadoop.fileSystem(path);
            try (OutputStream out = fileSystem.exists(path) ? fileSystem.append(path) : fileSystem.create(path)) {
                for (RunLogLine line : lines) {
                    out.write(StoredJson.MAPPER.writeValueAsBytes(line));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw hadoop.explained(e);
        }
    }

    /** Bytes of a run's log file, and whether the file goes on after them. */
    record LogBytes(byte[] bytes, boolean more) {

        static final LogBytes NONE = new LogBytes(new byte[0], false);
    }

    /**
     * At most {@code max} bytes of the run's {@code log.jsonl} from byte {@code offset}; none while there is no log
     * (the engine has not started, or ran before logs were kept) and from an offset at or past its end. A log being
     * written is read as far as the engine has flushed it.
     */
    LogBytes log(UUID runId, long offset, int max) {
        String uri = location(runId, WorkspaceLayout.LOG);
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(uri));
            try (FSDataInputStream in = hadoop.fileSystem(path).open(path)) {
                if (offset > 0) {
                    in.seek(offset);
                }
                byte[] read = in.readNBytes(max + 1);
                boolean more = read.length > max;
                return new LogBytes(more ? Arrays.copyOf(read, max) : read, more);
            }
        } catch (FileNotFoundException | EOFException none) {
            return LogBytes.NONE;
        } catch (IOException | RuntimeException e) {
            log.warn("Run {}: its log {} could not be read: {}", runId, uri, e.toString());
            return LogBytes.NONE;
        }
    }
}
