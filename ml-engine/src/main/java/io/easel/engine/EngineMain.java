package io.easel.engine;

import io.easel.run.RunState;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark driver of one run, started the way spark-submit starts one:
 *
 * <pre>
 * java ${spark.jvm.flags} -cp "&lt;engine&gt;/lib/*:&lt;engine&gt;/easel-ml-engine.jar" \
 *   org.apache.spark.deploy.SparkSubmit --master local[*] --class io.easel.engine.EngineMain \
 *   &lt;engine&gt;/easel-ml-engine.jar \
 *   --experiment &lt;file | file:// | hdfs:// | http(s) URL&gt; --run-id &lt;id&gt; \
 *   --workspace &lt;uri&gt; --model-store &lt;uri&gt; [--callback-url &lt;url&gt; --callback-token &lt;secret&gt;]
 * </pre>
 *
 * Exits 0 when the run succeeded, 1 when it failed, 2 when the command line is wrong.
 */
public final class EngineMain {

    private static final Logger LOG = LoggerFactory.getLogger(EngineMain.class);

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The master of a driver spark-submit did not give one. */
    private static final String LOCAL_MASTER = "local[*]";

    private EngineMain() {}

    public static void main(String[] args) {
        exit(launch(args), "The run did not succeed; its status.json and the run's events say why");
    }

    /**
     * Ends a driver's {@code main} with {@code exitCode}. Inside YARN's application master (cluster deploy mode)
     * {@code main} runs in the master's thread, and the master reports the application's final status from how it
     * returns: System.exit would stop the master before it reports, and YARN would record a failed attempt even for
     * a driver that succeeded. There it returns on success and throws otherwise.
     *
     * @param failure what did not succeed, the message YARN records with a failed application
     */
    public static void exit(int exitCode, String failure) {
        if (!insideYarnApplicationMaster()) {
            System.exit(exitCode);
        }
        if (exitCode != SUCCEEDED) {
            throw new IllegalStateException(failure + " (exit code " + exitCode + ")");
        }
    }

    /** Set by Spark's YARN ApplicationMaster before it calls the user class in cluster deploy mode. */
    private static boolean insideYarnApplicationMaster() {
        return System.getProperty("spark.yarn.app.id") != null
                && "cluster".equals(System.getProperty("spark.submit.deployMode"));
    }

    static int launch(String[] args) {
        EngineArguments arguments;
        try {
            arguments = EngineArguments.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(EngineArguments.USAGE);
            return USAGE;
        }
        LOG.info("Starting {}", arguments);
        SparkSession spark = session("Easel run " + arguments.runId()).getOrCreate();
        try {
            return Engine.withBuiltins(spark).run(arguments) == RunState.SUCCEEDED ? SUCCEEDED : FAILED;
        } catch (IllegalArgumentException e) {
            LOG.error("Cannot start run {}: {}", arguments.runId(), e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            LOG.error("Run {} failed before it could report", arguments.runId(), e);
            return FAILED;
        } finally {
            spark.stop();
        }
    }

    /**
     * The session builder of a driver, local[*] unless spark-submit named a master; a local driver gets the
     * small-data defaults of {@link DriverDefaults} where its own settings say nothing.
     */
    public static SparkSession.Builder session(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                // Files are read only by file sources, under the run's data roots: never named inside SQL.
                .config("spark.sql.runSQLOnFiles", "false");
        SparkConf submitted = new SparkConf();
        if (!submitted.contains("spark.master")) {
            builder.master(LOCAL_MASTER);
        }
        DriverDefaults.missingFrom(submitted, submitted.get("spark.master", LOCAL_MASTER)).forEach(builder::config);
        return builder;
    }
}
