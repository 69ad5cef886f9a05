package io.easel.engine.run;

import io.easel.engine.log.LogTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the nodes of one run on a pool of its own worker threads: each node starts as soon as every node it depends
 * on has ended, so that independent branches of a graph run side by side. With one worker the nodes run one after
 * another in the run's order, as they always did.
 *
 * <p>Spark keeps a job's group, tags, scheduler pool and log tags per thread, so each worker sets them for itself,
 * once: the run's job tags (cancelling the run stops the jobs of every node under way, see
 * {@code RunCancellation}), the run's log tag, the run's session as the active one, and a FAIR scheduler pool of its
 * own, {@code easel-branch-<k>}, so that one branch's long jobs do not queue another's short ones (the pool is
 * ignored by a FIFO scheduler). A node sets its job group and node tag itself, as it runs.
 *
 * <p>Which node runs next is decided on the thread that calls {@link #run} only: the workers just run nodes.
 */
final class NodeWorkers implements AutoCloseable {

    /** The Spark setting that says how many nodes of a run may run at once. */
    static final String CONCURRENT_NODES = "spark.easel.concurrentNodes";
    static final int DEFAULT_CONCURRENT_NODES = 3;
    /** More would only queue for the driver's cores; a typo of 300 should not start 300 threads. */
    static final int MAX_CONCURRENT_NODES = 32;
    /** The Spark local property that names a job's FAIR scheduler pool. */
    static final String SCHEDULER_POOL = "spark.scheduler.pool";
    static final String POOL_PREFIX = "easel-branch-";

    private final int workers;
    private final ExecutorService pool;
    private final CompletionService<String> ended;

    /**
     * @param spark the run's session: its job tags (those of the calling thread) are every worker's
     * @param workers how many nodes may run at once, at least 1
     */
    NodeWorkers(SparkSession spark, String runId, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a run needs at least one worker, not " + workers);
        }
        this.workers = workers;
        Set<String> jobTags = Set.copyOf(scala.jdk.javaapi.CollectionConverters.asJava(
                spark.sparkContext().getJobTags()));
        this.pool = Executors.newFixedThreadPool(workers, threads(spark, runId, jobTags));
        this.ended = new ExecutorCompletionService<>(pool);
    }

    /**
     * How many nodes of a run may run at once, from the session's {@value #CONCURRENT_NODES} setting
     * ({@value #DEFAULT_CONCURRENT_NODES} when unset).
     *
     * @throws IllegalArgumentException when the setting is not a whole number from 1 to {@value #MAX_CONCURRENT_NODES}
     */
    static int concurrentNodes(SparkSession spark) {
        String value = spark.conf().get(CONCURRENT_NODES, Integer.toString(DEFAULT_CONCURRENT_NODES)).strip();
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_CONCURRENT_NODES) {
                return count;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("the Spark setting " + CONCURRENT_NODES + " must be a whole number from 1 "
                + "to " + MAX_CONCURRENT_NODES + " (how many nodes may run at once), not '" + value + "'");
    }

    /**
     * Runs the nodes until each has ended, or until {@code cancelled} says so: then no node starts any more, and this
     * returns once the nodes under way have ended. A node is taken when every node of {@code dependsOn} has ended,
     * the earliest in {@code order} first, while a worker is free.
     *
     * @param order every node, dependencies first
     * @param start called on this thread when a node is taken: the work to run for it on a worker, or empty when the
     *     node has ended already (skipped, not in the run)
     * @throws RuntimeException or {@link Error} a node's work threw (once the other nodes under way have ended)
     */
    void run(List<String> order, Function<String, Collection<String>> dependsOn, BooleanSupplier cancelled,
            Function<String, Optional<Runnable>> start) {
        List<String> waiting = new ArrayList<>(order);
        Set<String> done = new HashSet<>();
        int underWay = 0;
        Throwable failure = null;
        while (true) {
            if (failure == null && !cancelled.getAsBoolean()) {
                Iterator<String> next = waiting.iterator();
                while (next.hasNext() && underWay < workers) {
                    String id = next.next();
                    if (!done.containsAll(dependsOn.apply(id))) {
                        continue;
                    }
                    next.remove();
                    Optional<Runnable> work = start.apply(id);
                    if (work.isEmpty()) {
                        done.add(id); // nodes after it in the order may depend on it: the scan goes on to them
                        continue;
                    }
                    ended.submit(work.get(), id);
                    underWay++;
                }
            }
            if (underWay == 0) {
                break;
            }
            try {
                done.add(ended.take().get());
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while nodes of the run were under way", e);
            }
            underWay--;
        }
        switch (failure) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }

    /** Lets the nodes under way end (a node is never interrupted: its outputs and reports must be complete). */
    @Override
    public void close() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a node that takes longer is still the run's: wait for it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run's worker threads, each set up once as the class comment says. */
    private static ThreadFactory threads(SparkSession spark, String runId, Set<String> jobTags) {
        AtomicInteger created = new AtomicInteger();
        return work -> {
            int branch = created.incrementAndGet();
            return Thread.ofPlatform().daemon().name("easel-run-" + runId + "-branch-" + branch).unstarted(() -> {
                SparkContext context = spark.sparkContext();
                SparkSession.setActiveSession(spark);
                context.setLocalProperty(SCHEDULER_POOL, POOL_PREFIX + branch);
                jobTags.forEach(context::addJobTag);
                try (LogTags.Scope tagged = LogTags.run(context, runId)) {
                    work.run();
                } finally {
                    context.clearJobTags();
                    context.setLocalProperty(SCHEDULER_POOL, null);
                    SparkSession.clearActiveSession();
                }
            });
        };
    }
}
