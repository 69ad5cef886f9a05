package io.easel.engine.log;

import org.apache.logging.log4j.ThreadContext;
import org.apache.spark.SparkContext;

/**
 * Tags what a run's thread does with the run and the node under way, so that its log lines and its Spark jobs can be
 * told apart from other runs' on the same driver (the warm engine runs several at once).
 *
 * <p>One name serves three readers: the key is put in the thread's log context (lines the driver logs), and set as a
 * Spark local property, which Spark copies into the properties of every job (the progress listener reads them) and,
 * since its name starts with {@code mdc.}, into the log context of the executor thread that runs each task (lines
 * logged by tasks in local mode).
 */
public final class LogTags {

    /** The run id. */
    public static final String RUN = "mdc.easel.run";
    /** The node id. */
    public static final String NODE = "mdc.easel.node";

    private LogTags() {}

    /** A tag in force on this thread until closed, which restores the value it had before. */
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }

    /** Tags what this thread does from now on as work of run {@code runId}. */
    public static Scope run(SparkContext spark, String runId) {
        return tag(spark, RUN, runId);
    }

    /** Tags what this thread does from now on as work of node {@code nodeId} (of the run already tagged). */
    public static Scope node(SparkContext spark, String nodeId) {
        return tag(spark, NODE, nodeId);
    }

    private static Scope tag(SparkContext spark, String key, String value) {
        String before = ThreadContext.get(key);
        String propertyBefore = spark.getLocalProperty(key);
        ThreadContext.put(key, value);
        spark.setLocalProperty(key, value);
        return () -> {
            if (before == null) {
                ThreadContext.remove(key);
            } else {
                ThreadContext.put(key, before);
            }
            spark.setLocalProperty(key, propertyBefore); // null removes it
        };
    }
}
