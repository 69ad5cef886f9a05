package io.easel.server.run;

import java.util.UUID;

/**
 * What a driver started through an {@link EngineLaunch} does: run the experiment of its run, or compute the column
 * statistics of one of the run's table outputs where no warm engine can (a statistics job).
 */
public sealed interface DriverTask {

    /** The driver's main class in the engine's jar. */
    String mainClass();

    /** The Spark application's name, as the cluster manager lists it. */
    String appName(UUID runId);

    /** Runs the experiment of its run, reporting through the callback. */
    record RunExperiment() implements DriverTask {

        /** The main class of a run's driver, in the engine's jar. */
        static final String MAIN = "io.easel.engine.EngineMain";

        @Override
        public String mainClass() {
            return MAIN;
        }

        @Override
        public String appName(UUID runId) {
            return "Easel run " + runId;
        }
    }

    /**
     * Computes the column statistics of one table output and ends, without a callback: it leaves them, or why there
     * are none, beside the output.
     *
     * @param table the table output (a workspace URI) whose column statistics the driver computes
     * @param jobId this job among the statistics jobs of its run: names its directory and its Kubernetes driver pod
     */
    record ComputeStatistics(String table, UUID jobId) implements DriverTask {

        /** The main class of a statistics job's driver, in the engine's jar. */
        static final String MAIN = "io.easel.engine.statistics.StatisticsMain";

        @Override
        public String mainClass() {
            return MAIN;
        }

        @Override
        public String appName(UUID runId) {
            return "Easel column statistics (run " + runId + ")";
        }
    }
}
