package io.easel.engine.warm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.ComponentRegistry;
import io.easel.engine.Engine;
import io.easel.engine.RunCancellation;
import io.easel.engine.EngineArguments;
import io.easel.engine.report.CallbackSender;
import io.easel.engine.report.EngineJson;
import io.easel.engine.statistics.PortStatistics;
import io.easel.run.RunState;
import io.easel.run.WarmEngineProtocol.Command;
import io.easel.run.WarmEngineProtocol.Notice;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs run after run on one SparkContext, several at once, each in a thread of its own with a session of its own
 * (its SQL settings and temporary views apart from the others'), and each run's Spark jobs tagged with its id so that
 * cancelling one stops its jobs and no other's. Beside the runs it computes the column statistics of stored table
 * outputs ({@link PortStatistics}), each in a thread of its own too. Commands come in and notices go out as
 * {@code WarmEngineProtocol} says.
 */
public final class WarmEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WarmEngine.class);

    private static final String NO_SQL_ON_FILES = "spark.sql.runSQLOnFiles";

    private final SparkSession spark;
    private final ComponentRegistry components;
    private final CallbackSender.Settings callback;
    private final PrintStream notices;
    private final ObjectMapper json = EngineJson.mapper();
    private final ExecutorService runs = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("easel-run-", 1).factory());
    private final Map<String, RunHandle> active = new ConcurrentHashMap<>();
    /** Stops the jobs of cancelled runs still under way, including any they start later. */
    private final RunCancellation cancellation;
    /** Table outputs whose statistics are being computed: asked again meanwhile, they are not computed twice. */
    private final Set<String> profiling = ConcurrentHashMap.newKeySet();

    /** A run taken; cancelled before its thread starts, it does not start. */
    private static final class RunHandle {
        private volatile boolean cancelled;
    }

    /** @param notices where notices go (the process's real standard output) */
    public WarmEngine(SparkSession spark, ComponentRegistry components, CallbackSender.Settings callback,
            PrintStream notices) {
        this.spark = spark;
        this.components = components;
        this.callback = callback;
        this.notices = notices;
        this.cancellation = new RunCancellation(spark.sparkContext());
    }

    /** The tag of every Spark job of a run. */
    static String jobTag(String runId) {
        return RunCancellation.jobTag(runId);
    }

    /**
     * Announces itself ready, then takes commands until the end of {@code commands}; returns once the runs under way
     * have ended too.
     */
    public void serve(BufferedReader commands) throws IOException, InterruptedException {
        notice(new Notice(Notice.READY, null, null, Long.toString(ProcessHandle.current().pid())));
        String line;
        while ((line = commands.readLine()) != null) {
            if (!line.isBlank()) {
                take(line);
            }
        }
        LOG.info("No more runs for the warm engine; waiting for the {} under way", active.size());
        runs.shutdown();
        runs.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    private void take(String line) {
        Command command;
        try {
            command = json.readValue(line, Command.class);
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring a command that is not one: {}", e.getOriginalMessage());
            return;
        }
        switch (command.op()) {
            case Command.RUN -> start(command);
            case Command.CANCEL -> cancel(command.runId());
            case Command.STATISTICS -> profile(command.location());
            default -> LOG.warn("Ignoring the unknown command '{}'", command.op());
        }
    }

    private void start(Command command) {
        String runId = command.runId();
        EngineArguments arguments;
        try {
            arguments = EngineArguments.parse(command.arguments().toArray(String[]::new),
                    command.environment() == null ? Map.of() : command.environment());
            if (!arguments.runId().equals(runId)) {
                throw new IllegalArgumentException("the arguments are those of run " + arguments.runId());
            }
        } catch (IllegalArgumentException e) {
            notice(new Notice(Notice.REFUSED, runId, null, e.getMessage()));
            return;
        }
        Map<String, String> sessionConf = command.sessionConf() == null ? Map.of() : command.sessionConf();
        for (String key : sessionConf.keySet()) {
            if (!spark.conf().isModifiable(key)) {
                notice(new Notice(Notice.REFUSED, runId, null, "the Spark setting " + key
                        + " can only be set when a driver starts"));
                return;
            }
        }
        // Registered before the thread starts, so that a cancel right after the notice finds the run.
        RunHandle handle = new RunHandle();
        active.put(runId, handle);
        notice(new Notice(Notice.STARTED, runId, null, null));
        runs.execute(() -> run(arguments, sessionConf, handle));
    }

    private void run(EngineArguments arguments, Map<String, String> sessionConf, RunHandle handle) {
        String runId = arguments.runId();
        RunState state = RunState.FAILED;
        String message = null;
        spark.sparkContext().addJobTag(jobTag(runId));
        try {
            if (handle.cancelled) {
                state = RunState.CANCELLED;
                message = "Cancelled before it started";
                return;
            }
            SparkSession session = spark.newSession();
            sessionConf.forEach(session.conf()::set);
            session.conf().set(NO_SQL_ON_FILES, "false"); // whatever the run asked: files are read by sources only
            LOG.info("Starting {}", arguments);
            state = new Engine(session, components, callback).run(arguments, () -> handle.cancelled);
        } catch (RuntimeException e) {
            LOG.error("Run {} failed before it could report", runId, e);
            message = "The engine failed: " + e;
        } catch (OutOfMemoryError e) {
            LOG.error("Run {} ran out of driver memory", runId, e);
            message = "The driver ran out of memory (" + e.getMessage() + ")";
        } finally {
            spark.sparkContext().removeJobTag(jobTag(runId));
            cancellation.forget(runId);
            active.remove(runId);
            notice(new Notice(Notice.ENDED, runId, state, message));
        }
    }

    /** Writes the column statistics of the table output at {@code location} beside it, unless they are there. */
    private void profile(String location) {
        if (location == null || location.isBlank()) {
            LOG.warn("Ignoring a statistics command without a location");
            return;
        }
        if (!profiling.add(location)) {
            return; // under way: its notice answers this command too
        }
        runs.execute(() -> {
            Notice done;
            try {
                String written = new PortStatistics(spark.newSession()).write(location);
                LOG.info("Wrote the column statistics {}", written);
                done = Notice.statistics(Notice.STATISTICS_WRITTEN, location, null);
            } catch (Exception e) { // Spark's AnalysisException (a missing path) is checked, thrown from Scala
                LOG.warn("The column statistics of {} could not be computed", location, e);
                done = Notice.statistics(Notice.STATISTICS_FAILED, location, PortStatistics.reason(e));
            } catch (OutOfMemoryError e) {
                LOG.error("Computing the column statistics of {} ran out of driver memory", location, e);
                done = Notice.statistics(Notice.STATISTICS_FAILED, location, PortStatistics.reason(e));
            }
            // before the notice, so that a request answered by it is not taken for one under way
            profiling.remove(location);
            notice(done);
        });
    }

    /**
     * Stops a run's Spark jobs: the nodes under way fail, and the run ends as cancelled without starting another node.
     * Its thread is not interrupted: an interrupt could break the writing of its outputs, status and callbacks
     * (interruptible channels close), which must still say how it ended.
     */
    void cancel(String runId) {
        RunHandle run = active.get(runId);
        if (run == null) {
            return; // ended already, or never here
        }
        LOG.info("Cancelling run {}", runId);
        run.cancelled = true;
        cancellation.cancel(runId, "the run was cancelled");
    }

    private void notice(Notice notice) {
        String line;
        try {
            line = io.easel.run.WarmEngineProtocol.NOTICE_PREFIX + json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice could not be written as JSON", e);
        }
        synchronized (notices) {
            notices.println(line);
            notices.flush();
        }
    }
}
