package io.easel.engine;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Stops the Spark jobs of cancelled runs: the jobs under way, and every job such a run starts afterwards, as it
 * starts. Cancelling the jobs under way is not enough: a learner runs job after job, and between two of them none is
 * under way. A run's jobs are those carrying its tag ({@link #jobTag}), which the thread running it adds. Listens on
 * the SparkContext from creation until {@link #close()}.
 */
public final class RunCancellation extends SparkListener implements AutoCloseable {

    private static final String JOB_TAGS_PROPERTY = "spark.job.tags";

    private final SparkContext spark;
    private final Set<String> cancelledTags = ConcurrentHashMap.newKeySet();

    public RunCancellation(SparkContext spark) {
        this.spark = spark;
        spark.addSparkListener(this);
    }

    /** The tag of every Spark job of a run. */
    public static String jobTag(String runId) {
        return "easel-run-" + runId;
    }

    /** Cancels the run's jobs under way and, from now on, every job of it that starts. */
    public void cancel(String runId, String reason) {
        cancelledTags.add(jobTag(runId));
        spark.cancelJobsWithTag(jobTag(runId), reason);
    }

    /** The run has ended: nothing more to watch for it. */
    public void forget(String runId) {
        cancelledTags.remove(jobTag(runId));
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        String tags = job.properties() == null ? null : job.properties().getProperty(JOB_TAGS_PROPERTY);
        if (tags != null && Arrays.stream(tags.split(",")).anyMatch(cancelledTags::contains)) {
            spark.cancelJob(job.jobId(), "the run was cancelled");
        }
    }

    @Override
    public void close() {
        spark.removeSparkListener(this);
    }
}
