package io.easel.engine.statistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.builtin.statistics.DataProfile;
import io.easel.components.spi.ReportData;
import io.easel.engine.report.EngineJson;
import io.easel.engine.store.FileStore;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The column statistics of a stored table output, computed when they are first asked for and kept beside the output
 * ({@link WorkspaceLayout#STATISTICS}): the data profile of every column (missing, distinct, top values, range, mean
 * and a histogram), three Spark jobs whatever the number of columns. Written whole or not at all, so that a reader
 * never meets half a file.
 */
public final class PortStatistics {

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
            byte[] content = json.writeValueAsBytes(compute(location));
            // a name the server's and Spark's readers skip too, renamed once complete
            Path partial = new Path(target.getParent(), WorkspaceLayout.STATISTICS + ".writing");
            try (OutputStream out = files.create(partial, true)) {
                out.write(content);
            }
            if (!files.rename(partial, target) && !files.exists(target)) {
                throw new IOException("Could not rename " + partial + " to " + target);
            }
        }
        return target.toString();
    }
}
