package io.easel.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How the server talks to a warm engine: a long-lived local driver that runs run after run in one JVM and one
 * SparkContext, so that an interactive run pays no JVM or Spark start-up. The server starts it the way it starts the
 * engine of one run (as spark-submit starts a driver, main class {@code io.easel.engine.warm.WarmEngineMain}) and
 * writes {@link Command}s to its standard input, one JSON object per line; the engine answers with {@link Notice}s on
 * its standard output, one per line after {@link #NOTICE_PREFIX} (its log goes to standard error). At the end of its
 * input the engine takes no more runs, finishes those under way and exits: a server that dies leaves no run
 * half-done. Between runs, and beside them, it also computes the column statistics of stored table outputs
 * ({@link Command#STATISTICS}).
 */
public final class WarmEngineProtocol {

    /** Starts every notice line, so that anything else a library prints to standard output is told apart. */
    public static final String NOTICE_PREFIX = "@easel-warm-engine ";

    /** The main class of the warm engine in the engine's jar. */
    public static final String MAIN_CLASS = "io.easel.engine.warm.WarmEngineMain";

    private WarmEngineProtocol() {}

    /**
     * From the server.
     *
     * @param op {@link #RUN}, {@link #CANCEL} or {@link #STATISTICS}
     * @param arguments for {@code run}: the run's engine arguments, as the engine of one run takes them
     * @param environment for {@code run}: what the engine of one run finds in its environment (the callback token,
     *     the database connections): secrets, never among the arguments, which are logged
     * @param sessionConf for {@code run}: Spark SQL settings of this run alone (its experiment's run settings),
     *     set on the run's own session
     * @param location for {@code statistics}: the table output (a URI, as a {@code PortResult} gives it) whose column
     *     statistics to write beside it ({@link WorkspaceLayout#statistics})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Command(String op, String runId, List<String> arguments, Map<String, String> environment,
            Map<String, String> sessionConf, String location) {

        public static final String RUN = "run";
        public static final String CANCEL = "cancel";
        /** Profile one stored table output; answered by {@link Notice#STATISTICS_WRITTEN} or its failure. */
        public static final String STATISTICS = "statistics";

        public static Command run(String runId, List<String> arguments, Map<String, String> environment,
                Map<String, String> sessionConf) {
            return new Command(RUN, runId, arguments, environment, sessionConf, null);
        }

        public static Command cancel(String runId) {
            return new Command(CANCEL, runId, null, null, null, null);
        }

        public static Command statistics(String location) {
            return new Command(STATISTICS, null, null, null, null, location);
        }
    }

    /**
     * From the engine.
     *
     * @param op {@link #READY} (once, when its SparkContext is up: {@code message} is its process id),
     *     {@link #STARTED} (a run was taken), {@link #REFUSED} (a run cannot run here, {@code message} says why: the
     *     server starts an engine of its own for it), {@link #ENDED} (a run's thread is done, with its state),
     *     {@link #STATISTICS_WRITTEN} and {@link #STATISTICS_FAILED} (the statistics of the table output at
     *     {@code location} are written, or could not be: {@code message} says why)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notice(String op, String runId, RunState state, String message, String location) {

        /** A notice about a run. */
        public Notice(String op, String runId, RunState state, String message) {
            this(op, runId, state, message, null);
        }

        public static Notice statistics(String op, String location, String message) {
            return new Notice(op, null, null, message, location);
        }

        public static final String READY = "ready";
        public static final String STARTED = "started";
        public static final String REFUSED = "refused";
        public static final String ENDED = "ended";
        public static final String STATISTICS_WRITTEN = "statistics-written";
        public static final String STATISTICS_FAILED = "statistics-failed";
    }
}
