package io.easel.engine.store;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads and writes run files (events, status, models) through the Hadoop FileSystem API, so the workspace and the
 * model store may be local ({@code file:}) or on HDFS ({@code hdfs:}) alike.
 */
public final class FileStore {

    private final Configuration hadoopConf;

    public FileStore(Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    /**
     * A root location given on the command line: a URI with a scheme as is, a plain path as a local directory (never
     * the cluster's default file system, which a plain path would otherwise mean to Hadoop).
     */
    public static Path root(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A location is empty");
        }
        URI uri = URI.create(location.trim());
        if (uri.getScheme() == null) {
            return new Path(new File(location.trim()).getAbsoluteFile().toURI());
        }
        return new Path(uri);
    }

    /** The fully qualified form of a path, e.g. {@code file:/tmp/ws/run-1/events.jsonl}. */
    public String uri(Path path) throws IOException {
        return fileSystem(path).makeQualified(path).toString();
    }

    public void write(Path path, byte[] content) throws IOException {
        try (OutputStream out = fileSystem(path).create(path, true)) {
            out.write(content);
        }
    }

    /** A new file to write progressively; {@link FSDataOutputStream#hflush()} makes what was written visible. */
    public FSDataOutputStream create(Path path) throws IOException {
        return fileSystem(path).create(path, true);
    }

    public byte[] read(Path path) throws IOException {
        try (InputStream in = fileSystem(path).open(path)) {
            return in.readAllBytes();
        }
    }

    public boolean exists(Path path) throws IOException {
        return fileSystem(path).exists(path);
    }

    /** Deletes a file or a directory with all it holds; nothing happens when there is none. */
    public void delete(Path path) throws IOException {
        fileSystem(path).delete(path, true);
    }

    /** What a directory holds, directly; nothing when it does not exist. */
    public List<FileStatus> list(Path directory) throws IOException {
        try {
            return List.of(fileSystem(directory).listStatus(directory));
        } catch (FileNotFoundException missing) {
            return List.of();
        }
    }

    /** The bytes of a file, or of every file under a directory; 0 when there is none. */
    public long size(Path path) throws IOException {
        try {
            return fileSystem(path).getContentSummary(path).getLength();
        } catch (FileNotFoundException missing) {
            return 0;
        }
    }

    private FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(hadoopConf);
        // The checksummed local file system buffers writes until close and leaves .crc files beside every file;
        // the raw one writes through, which a log read while the run goes on needs.
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }
}
