package io.easel.engine.statistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.builtin.statistics.DataProfile;
import io.easel.components.spi.ReportData;
import io.easel.engine.report.EngineJson;
import io.easel.engine.store.FileStore;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The column statistics of a stored table output, computed when they are first asked for and kept beside the output
 * ({@link WorkspaceLayout#STATISTICS}): the data profile of every column (missing, distinct, top values, range, mean
 * and a histogram), one Spark job whatever the number of columns. Written whole or not at all, so that a reader
 * never meets half a file.
 */
public final class PortStatistics {

    private static final int MAX_REASON = 500;

    private final SparkSession spark;
    private final ObjectMapper json = EngineJson.mapper();

    public PortStatistics(SparkSession spark) {
        this.spark = spark;
    }

    /** The statistics of the Parquet table at {@code location}. */
    public ReportData compute(String location) {
        return DataProfile.profile(spark.read().parquet(FileStore.root(location).toString()));
    }

    /**
     * Computes the statistics of the table at {@code location} and writes them beside it, unless they are there.
     *
     * @return where they are
     */
    public String write(String location) throws IOException {
        Path target = FileStore.root(WorkspaceLayout.statistics(location));
        FileSystem files = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!files.exists(target)) {
            writeWhole(files, target, json.writeValueAsBytes(compute(location)));
        }
        return target.toString();
    }

    /**
     * Writes why the statistics of the table at {@code location} could not be computed beside it, for a server that
     * does not hear from this driver otherwise (a statistics job on a cluster).
     */
    public void writeFailure(String location, String reason) throws IOException {
        Path target = FileStore.root(WorkspaceLayout.statisticsFailure(location));
        writeWhole(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), target,
                reason.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Why computing statistics failed, for people: the first line of the failure's message (Spark's run on to a plan
     * and a stack), with its type when it has none.
     */
    public static String reason(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "The driver ran out of memory";
        }
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > MAX_REASON ? first.substring(0, MAX_REASON) + "…" : first;
    }

    private static void writeWhole(FileSystem files, Path target, byte[] content) throws IOException {
        // a name the server's and Spark's readers skip too, renamed once complete
        Path partial = new Path(target.getParent(), target.getName() + ".writing");
        try (OutputStream out = files.create(partial, true)) {
            out.write(content);
        }
        files.delete(target, false);
        if (!files.rename(partial, target) && !files.exists(target)) {
            throw new IOException("Could not rename " + partial + " to " + target);
        }
    }
}
