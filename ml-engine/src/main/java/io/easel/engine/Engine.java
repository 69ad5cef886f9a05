package io.easel.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.ComponentRegistry;
import io.easel.components.builtin.source.SampleFiles;
import io.easel.components.spi.DataAccess;
import io.easel.engine.log.LogTags;
import io.easel.engine.log.RunLog;
import io.easel.engine.log.TaskProgress;
import io.easel.engine.report.CallbackSender;
import io.easel.engine.report.EngineJson;
import io.easel.engine.report.EventLog;
import io.easel.engine.report.RunEventSink;
import io.easel.engine.report.RunReporter;
import io.easel.engine.run.ExperimentRun;
import io.easel.engine.run.RunLayout;
import io.easel.engine.store.FileStore;
import io.easel.run.DataRoots;
import io.easel.run.RunState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole engine short of starting Spark: wires a run's workspace, event log, callback, components and PMML
 * export around a session it is given. {@link EngineMain} runs it in the driver spark-submit starts; tests run it
 * in-process.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final SparkSession spark;
    private final ComponentRegistry components;
    private final CallbackSender.Settings callback;
    /** How often a run reports the progress of its nodes, at most (the server pushes it on to the studio). */
    private static final Duration PROGRESS_PERIOD = Duration.ofMillis(500);

    public Engine(SparkSession spark, ComponentRegistry components, CallbackSender.Settings callback) {
        this.spark = spark;
        this.components = components;
        this.callback = callback;
    }

    /** The built-in components and default callback behaviour. */
    public static Engine withBuiltins(SparkSession spark) {
        return new Engine(spark, ComponentRegistry.load(), CallbackSender.Settings.defaults());
    }

    /**
     * Writes what is missing of the samples directory the examples read ({@code {samples}}), once per server; a run
     * that cannot complete it still runs (only reading a missing sample then fails).
     */
    private void completeSamples(DataRoots roots) {
        if (roots.samples() == null) {
            return;
        }
        try {
            List<String> written = SampleFiles.ensure(spark, roots.samples().uri());
            if (!written.isEmpty()) {
                LOG.info("Wrote the samples {} to {}", written, roots.samples());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The samples directory {} could not be completed: {}", roots.samples(), e.toString());
        }
    }

    /**
     * Runs one experiment and returns how the run ended.
     *
     * @throws IllegalArgumentException when the run id or a location is unusable (nothing can be reported then)
     */
    public RunState run(EngineArguments arguments) {
        return run(arguments, () -> false);
    }

    /**
     * Runs one experiment until it ends or {@code cancelled} says so (asked between nodes and when a node fails),
     * and returns how the run ended.
     *
     * @throws IllegalArgumentException when the run id or a location is unusable (nothing can be reported then)
     */
    public RunState run(EngineArguments arguments, BooleanSupplier cancelled) {
        completeSamples(arguments.dataRoots());
        ObjectMapper json = EngineJson.mapper();
        FileStore store = new FileStore(spark.sparkContext().hadoopConfiguration());
        RunLayout layout = new RunLayout(arguments.runId(), FileStore.root(arguments.workspace()),
                FileStore.root(arguments.modelStore()));
        String runId = arguments.runId();
        AtomicBoolean endedByServer = new AtomicBoolean();
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || endedByServer.get();
        spark.sparkContext().addJobTag(RunCancellation.jobTag(runId));
        try (RunCancellation cancellation = new RunCancellation(spark.sparkContext())) {
            List<RunEventSink> sinks = new ArrayList<>();
            sinks.add(new EventLog(store, layout.events(), json));
            if (arguments.callbackUrl() != null) {
                sinks.add(new CallbackSender(arguments.callbackUrl(), arguments.callbackToken(), runId, json,
                        callback, state -> {
                            if (endedByServer.compareAndSet(false, true)) {
                                stopForServer(runId, state, cancellation);
                            }
                        }));
            }
            return run(arguments, layout, store, json, sinks, stop);
        } finally {
            spark.sparkContext().removeJobTag(RunCancellation.jobTag(runId));
        }
    }

    private RunState run(EngineArguments arguments, RunLayout layout, FileStore store, ObjectMapper json,
            List<RunEventSink> sinks, BooleanSupplier stop) {
        try (LogTags.Scope tagged = LogTags.run(spark.sparkContext(), arguments.runId());
                RunLog.Open log = RunLog.open(arguments.runId(), store, layout.log(), json, RunLog.Limits.defaults());
                RunReporter reporter = new RunReporter(arguments.runId(), sinks, store, layout.status(), json);
                TaskProgress progress = TaskProgress.follow(spark.sparkContext(), arguments.runId(), reporter::report,
                        PROGRESS_PERIOD)) {
            ExperimentSource source = new ExperimentSource(store, arguments.callbackToken());
            ExperimentRun run = new ExperimentRun(spark, components, layout, store, reporter, json,
                    new DataAccess(arguments.dataRoots(), arguments.connections())
                            .withModelStore(arguments.modelStore()), stop, arguments.reuse());
            RunState state = run.run(() -> source.read(arguments.experiment()));
            LOG.info("Run {} {}: {}", arguments.runId(), state.jsonName(),
                    reporter.finished() == null ? "" : reporter.finished().message());
            return state;
        }
    }

    /**
     * The server says the run has ended while this driver still works for it (a user cancelled it, it timed out):
     * its Spark jobs are cancelled, those under way and those it starts, so the nodes under way fail and the run stops
     * as cancelled without another node. Stopping spark-submit does not end a driver that a cluster manager started
     * elsewhere (a standalone worker); this does.
     */
    private static void stopForServer(String runId, RunState state, RunCancellation cancellation) {
        LOG.warn("The server has ended run {} ({}); stopping its Spark jobs", runId, state.jsonName());
        cancellation.cancel(runId, "the server ended the run (" + state.jsonName() + ")");
    }
}
