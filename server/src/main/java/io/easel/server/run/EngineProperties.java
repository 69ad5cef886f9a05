package io.easel.server.run;

import io.easel.server.experiment.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs are launched ({@code easel.engine.*}). Resource settings are the defaults of every run; an experiment's
 * {@link RunSettings} override them for its runs, and each run records the settings it was launched with.
 *
 * @param home the engine directory (easel-ml-engine.jar + lib/); null to look beside the server's jar
 *     ({@code engine/}, then {@code ml-engine/target/engine} of the build the jar came from), then below the working
 *     directory
 * @param master the Spark master URL ({@code local[*]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://…})
 * @param deployMode {@code client} (the driver runs beside the server, the default) or {@code cluster} (spark-submit
 *     hands the driver to the cluster and may exit at once; the run is then followed through its callbacks and its
 *     {@code status.json}); cluster mode needs {@code callback-url} and a workspace every node can read
 * @param driverMemory the driver's heap ({@code -Xmx} / {@code spark.driver.memory}), a Spark size like {@code 2g}
 * @param driverCores {@code spark.driver.cores} (cluster deploy mode); null for Spark's default
 * @param executorMemory {@code spark.executor.memory}; null for Spark's default
 * @param executorCores {@code spark.executor.cores}; null for Spark's default
 * @param numExecutors {@code spark.executor.instances}; null for Spark's default
 * @param sparkConf extra {@code --conf key=value} pairs for every run ({@code easel.engine.spark-conf.spark.x=…})
 * @param sparkSubmit a real {@code spark-submit} to start the driver with instead of the engine's own jars (child
 *     process launcher only; ignored when {@code spark-home} is set)
 * @param sparkHome a Spark 4.0 / Scala 2.13 distribution; when set, runs are submitted through Spark's launcher API
 *     ({@code SparkLauncher}, its {@code bin/spark-submit}) with {@code app-jar} as the application, which works with
 *     any master and deploy mode and reports the application id and state back; null keeps the child process
 *     launcher, which runs {@code SparkSubmit} from {@code home}'s jars
 * @param appJar the engine as a cluster application jar (everything except Spark, Scala and Hadoop, which the
 *     distribution provides): a local path, or a URI the cluster can fetch ({@code hdfs://…}, {@code https://…})
 *     for cluster deploy mode; null for {@code <home>/easel-ml-engine-app.jar}
 * @param workspace where runs keep their intermediate outputs (a Hadoop FileSystem URI; {@code hdfs://…} for a
 *     cluster); null for {@code file:<data-dir>/runs}
 * @param timeout how long a run may take before its engine is stopped and the run fails
 * @param statusPollInterval how often the {@code status.json} of an active run is read while its engine has been
 *     silent at least that long (or has handed its driver to the cluster), so a run whose callbacks cannot reach
 *     the server still ends
 * @param maxConcurrentRuns engines running at once; further runs wait, queued
 * @param callbackUrl the server's base URL as the engine reaches it; null for {@code http://127.0.0.1:<port>}, which
 *     only works in client deploy mode
 * @param java the java executable for the driver; null for the one running the server (with {@code spark-home}:
 *     its {@code JAVA_HOME} is derived from it)
 */
@ConfigurationProperties("easel.engine")
public record EngineProperties(
        Path home,
        @DefaultValue("local[*]") String master,
        @DefaultValue("client") String deployMode,
        @DefaultValue("2g") String driverMemory,
        Integer driverCores,
        String executorMemory,
        Integer executorCores,
        Integer numExecutors,
        Map<String, String> sparkConf,
        Path sparkSubmit,
        Path sparkHome,
        String appJar,
        String workspace,
        @DefaultValue("2h") Duration timeout,
        @DefaultValue("5s") Duration statusPollInterval,
        @DefaultValue("2") int maxConcurrentRuns,
        String callbackUrl,
        Path java) {

    public EngineProperties {
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("easel.engine.max-concurrent-runs must be at least 1, not "
                    + maxConcurrentRuns);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("easel.engine.timeout must be positive, not " + timeout);
        }
        if (statusPollInterval.isNegative() || statusPollInterval.isZero()) {
            throw new IllegalArgumentException("easel.engine.status-poll-interval must be positive, not "
                    + statusPollInterval);
        }
        // The same rules as an experiment's run settings, reported under the property names.
        RunSettings resources = new RunSettings(deployMode, driverMemory, driverCores, executorMemory, executorCores,
                numExecutors, Map.of());
        for (RunSettings.Problem problem : resources.problems()) {
            throw new IllegalArgumentException("easel.engine." + kebab(problem.field()) + " " + problem.message());
        }
    }

    private static String kebab(String field) {
        return field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
