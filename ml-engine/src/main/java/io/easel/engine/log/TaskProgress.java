package io.easel.engine.log;

import io.easel.run.RunEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the Spark tasks of each node of one run, from the stages its jobs submit (tagged by {@link LogTags}), and
 * reports {@link RunEvent.NodeProgress} for the nodes whose count changed, at most once per period. A stage Spark
 * skips (its shuffle output exists) is never submitted and so never counted: a node's total is what it really runs.
 */
public final class TaskProgress extends SparkListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskProgress.class);

    /** Tasks done and started so far by one node; updated by Spark's listener thread, read by the ticker. */
    private static final class Count {
        private long done;
        private long total;
        private boolean changed;
    }

    private final String runId;
    private final SparkContext spark;
    private final Consumer<RunEvent.NodeProgress> report;
    private final Map<String, Count> nodes = new ConcurrentHashMap<>();
    /** The node of each stage of this run (by stage id and attempt) that is under way. */
    private final Map<Long, String> stages = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    private TaskProgress(String runId, SparkContext spark, Consumer<RunEvent.NodeProgress> report, Duration period) {
        this.runId = runId;
        this.spark = spark;
        this.report = report;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("easel-progress-" + runId).factory());
        ticker.scheduleAtFixedRate(this::reportChanges, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Follows the tasks of run {@code runId} until closed, reporting each node's progress at most once a period. */
    public static TaskProgress follow(SparkContext spark, String runId, Consumer<RunEvent.NodeProgress> report,
            Duration period) {
        TaskProgress progress = new TaskProgress(runId, spark, report, period);
        spark.addSparkListener(progress);
        return progress;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        Properties properties = submitted.properties();
        if (properties == null || !runId.equals(properties.getProperty(LogTags.RUN))) {
            return;
        }
        String node = properties.getProperty(LogTags.NODE);
        if (node == null) {
            return;
        }
        var stage = submitted.stageInfo();
        stages.put(key(stage.stageId(), stage.attemptNumber()), node);
        Count count = nodes.computeIfAbsent(node, n -> new Count());
        synchronized (count) {
            count.total += stage.numTasks();
            count.changed = true;
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        String node = stages.get(key(end.stageId(), end.stageAttemptId()));
        if (node == null || end.taskInfo() == null || !end.taskInfo().successful()) {
            return;
        }
        Count count = nodes.get(node);
        synchronized (count) {
            // A speculative or resubmitted copy of a task may also end well: never more done than started.
            count.done = Math.min(count.done + 1, count.total);
            count.changed = true;
        }
    }

    private static long key(int stageId, int attempt) {
        return ((long) stageId << 20) | attempt;
    }

    private void reportChanges() {
        long now = System.currentTimeMillis();
        nodes.forEach((node, count) -> {
            RunEvent.NodeProgress progress;
            synchronized (count) {
                if (!count.changed) {
                    return;
                }
                count.changed = false;
                progress = new RunEvent.NodeProgress(node, count.done, count.total, now);
            }
            try {
                report.accept(progress);
            } catch (RuntimeException e) {
                LOG.warn("Progress of node '{}' could not be reported", node, e);
            }
        });
    }

    /** Stops following and reporting. */
    @Override
    public void close() {
        spark.removeSparkListener(this);
        ticker.shutdown();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
