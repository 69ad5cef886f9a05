package io.easel.engine.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.store.FileStore;
import io.easel.run.RunLogLine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one run, kept with the run in its workspace ({@code <runId>/log.jsonl}, one
 * {@link RunLogLine} a line, through the Hadoop FileSystem API like every other run file, so it is on HDFS for a driver
 * on a cluster and readable after the run and after a server restart). While it is open, the driver's log lines of the
 * run go to it: Easel's own lines from INFO and everyone else's (Spark's) from WARN, each tagged with the node under
 * way ({@link LogTags}).
 *
 * <p>Lines are written by a thread of the log's own, never by the thread that logs: a file system client that logs
 * while it writes (HDFS's does) could otherwise wait for itself. Volume is bounded: past {@link Limits#capBytes()} the
 * log says so in a last line and keeps nothing more (the driver's own log still has everything); a logger faster
 * than the file loses lines, counted in that last line too.
 */
public final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    /**
     * @param capBytes the most a run's log holds; then one line says the rest is left out
     * @param queuedLines lines waiting for the file at most; more are left out
     */
    public record Limits(long capBytes, int queuedLines) {

        public static Limits defaults() {
            return new Limits(4L << 20, 10_000);
        }
    }

    /** A run's log while it is kept; closing it ends it. */
    public interface Open extends AutoCloseable {

        @Override
        void close();
    }

    private static final RunLogLine END = new RunLogLine(0, "END", null, null, null, null);

    private final String runId;
    private final Path file;
    private final ObjectMapper json;
    private final Limits limits;
    private final BlockingQueue<RunLogLine> queue;
    private final FSDataOutputStream out;
    private final Thread writer;
    private final AtomicLong leftOut = new AtomicLong();
    private long written;
    private boolean capped;

    private RunLog(String runId, Path file, FSDataOutputStream out, ObjectMapper json, Limits limits) {
        this.runId = runId;
        this.file = file;
        this.out = out;
        this.json = json;
        this.limits = limits;
        this.queue = new LinkedBlockingQueue<>(limits.queuedLines());
        this.writer = Thread.ofPlatform().daemon().name("easel-run-log-" + runId).unstarted(this::writeLoop);
    }

    /**
     * Starts the log of a run: from now until {@link #close()} the run's lines go to {@code file}. A log that cannot
     * be created is logged and replaced by none (the run goes on without).
     */
    public static Open open(String runId, FileStore store, Path file, ObjectMapper json, Limits limits) {
        FSDataOutputStream out;
        try {
            out = store.create(file);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot create the run log {}; the run goes on without one", file, e);
            return () -> { };
        }
        RunLog log = new RunLog(runId, file, out, json, limits);
        log.writer.start();
        if (!RunLogAppender.attach(log)) {
            log.close();
            return () -> { };
        }
        return log::close;
    }

    String runId() {
        return runId;
    }

    /** Whether this thread is the one writing the file (its own lines must not come back to it). */
    boolean isWriter(Thread thread) {
        return thread == writer;
    }

    /** Queues a line for the file; a full queue leaves it out. */
    void add(RunLogLine line) {
        if (!queue.offer(line)) {
            leftOut.incrementAndGet();
        }
    }

    /** Detaches the log, writes what is queued and closes the file (waits at most a few seconds). */
    private void close() {
        RunLogAppender.detach(this);
        try {
            if (!queue.offer(END, 5, TimeUnit.SECONDS)) {
                LOG.warn("The run log {} did not take its end in time", file);
            }
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                List<RunLogLine> lines = new ArrayList<>();
                lines.add(queue.take());
                queue.drainTo(lines);
                for (RunLogLine line : lines) {
                    if (line == END) {
                        finish();
                        return;
                    }
                    write(line);
                }
                out.hflush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the run log {}; later lines of run {} are not kept", file, runId, e);
            closeQuietly();
        }
    }

    private void write(RunLogLine line) throws IOException {
        if (capped) {
            leftOut.incrementAndGet();
            return;
        }
        byte[] bytes = json.writeValueAsBytes(line);
        if (written + bytes.length + 1 > limits.capBytes()) {
            capped = true;
            leftOut.incrementAndGet();
            append(notice("The log of this run reached its cap of " + limits.capBytes() + " bytes: later lines are "
                    + "left out here (the driver's own log has them)"));
            return;
        }
        append(bytes);
    }

    private void finish() throws IOException {
        if (leftOut.get() > 0) {
            append(notice(leftOut.get() + " log line(s) of this run were left out (cap or queue full)"));
        }
        out.hflush();
        closeQuietly();
    }

    private byte[] notice(String message) throws IOException {
        return json.writeValueAsBytes(new RunLogLine(System.currentTimeMillis(), "WARN", null, "RunLog", message,
                null));
    }

    private void append(byte[] bytes) throws IOException {
        out.write(bytes);
        out.write('\n');
        written += bytes.length + 1;
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the run log {}", file, e);
        }
    }

    @Override
    public String toString() {
        return "RunLog[" + Objects.toString(file) + "]";
    }
}
