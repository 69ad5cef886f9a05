package io.easel.engine.statistics;

import io.easel.engine.EngineMain;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark driver that computes the column statistics of one stored table output and ends: what the server submits
 * where no warm engine can compute them (runs on a cluster, or the warm engine turned off), started as the engine of
 * a run is, with the run's master, deploy mode and resources:
 *
 * <pre>spark-submit … --class io.easel.engine.statistics.StatisticsMain &lt;engine jar&gt; --table &lt;location&gt;</pre>
 *
 * The server learns the outcome from the workspace, whatever the deploy mode: the statistics beside the table, or a
 * line saying why there are none ({@link PortStatistics#writeFailure}). Exits 0 when they are written, 1 when not, 2
 * when the command line is wrong.
 */
public final class StatisticsMain {

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsMain.class);
    private static final String TABLE = "--table";
    static final String USAGE = "Usage: StatisticsMain --table <table output location (any Hadoop URI)>";

    private StatisticsMain() {}

    public static void main(String[] args) {
        EngineMain.exit(launch(args), "The column statistics were not written");
    }

    static int launch(String[] args) {
        if (args.length != 2 || !TABLE.equals(args[0]) || args[1].isBlank()) {
            System.err.println(USAGE);
            return EngineMain.USAGE;
        }
        SparkSession spark = EngineMain.session("Easel column statistics").getOrCreate();
        try {
            return compute(spark, args[1]);
        } finally {
            spark.stop();
        }
    }

    /** Writes the statistics of the table at {@code location} beside it, or why they could not be computed. */
    static int compute(SparkSession spark, String location) {
        PortStatistics statistics = new PortStatistics(spark);
        try {
            LOG.info("Wrote the column statistics {}", statistics.write(location));
            return EngineMain.SUCCEEDED;
        } catch (Exception | OutOfMemoryError e) { // Spark's AnalysisException is checked, thrown from Scala
            LOG.error("The column statistics of {} could not be computed", location, e);
            try {
                statistics.writeFailure(location, PortStatistics.reason(e));
            } catch (Exception unwritable) {
                LOG.error("Could not write why beside the table either", unwritable);
            }
            return EngineMain.FAILED;
        }
    }
}
