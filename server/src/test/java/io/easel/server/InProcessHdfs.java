package io.easel.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS (one name node, one data node) inside the test JVM, reached by every Spark JVM of the test through
 * {@code hdfs://127.0.0.1:<port>}. Starting it takes seconds (its web UIs): one per test class.
 */
public final class InProcessHdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    private InProcessHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    public static InProcessHdfs start(Path baseDir) {
        // Outside Spring nothing sets log levels, and the mini cluster logs thousands of lines at INFO.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hadoop"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toAbsolutePath().toString());
        try {
            Files.createDirectories(baseDir);
            MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
            cluster.waitActive();
            return new InProcessHdfs(cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the in-process HDFS under " + baseDir, e);
        }
    }

    /** {@code hdfs://127.0.0.1:<port>}, with no trailing slash. */
    public String uri() {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }

    /** Copies a local file to {@code path} (absolute, e.g. {@code /data/credit_g.csv}) and returns its URI. */
    public String upload(Path local, String path) {
        try (InputStream in = Files.newInputStream(local);
                OutputStream out = fileSystem().create(new org.apache.hadoop.fs.Path(path))) {
            in.transferTo(out);
            return uri() + path;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot upload " + local + " to HDFS " + path, e);
        }
    }

    public boolean exists(String uri) {
        try {
            return fileSystem().exists(new org.apache.hadoop.fs.Path(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long length(String uri) {
        try {
            return fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(uri)).getLen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    @Override
    public void close() {
        cluster.shutdown();
    }
}
