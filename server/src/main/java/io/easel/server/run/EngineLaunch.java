package io.easel.server.run;

import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import io.easel.server.hadoop.KerberosProperties;
import io.easel.server.settings.StoredJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything a driver of one run is started with: the run's engine, or (as {@link #task()} says) a statistics job,
 * started as the run's engine was (same master, deploy mode, resources and credentials) but without a callback.
 *
 * @param experiment where the driver reads the graph snapshot: the local file
 *     {@code <data-dir>/runs/<runId>/experiment.json} in client deploy mode, its copy in the workspace
 *     ({@code <workspace>/<runId>/experiment.json}, any Hadoop FileSystem URI) in cluster deploy mode
 * @param runDirectory the server-side directory of the run, also the launching process's working directory
 * @param logFile where the launching process's stdout and stderr go
 * @param workspace where the engine keeps the run's outputs (Hadoop FileSystem URI)
 * @param modelStore where the engine writes models (Hadoop FileSystem URI)
 * @param callbackUrl where the engine posts its events
 * @param callbackToken the bearer token those posts must carry
 * @param settings master, deploy mode, resources and Spark settings of this run
 * @param pluginJars the plugin jars of components the engine loads beside its own (absolute paths on this machine)
 * @param dataRoots where the run's file sources may read (the server's, never the experiment's), with the uploads of
 *     the run's workspace
 * @param connections the database connections the run's nodes may name (the server's, never the experiment's); they
 *     travel in the engine's environment only, so a driver that does not inherit it (cluster deploy mode on YARN or
 *     Kubernetes) has none
 * @param options how the run treats the node outputs earlier runs stored
 * @param kerberos the server's Kerberos principal and keytab, which Spark signs in with on a secured cluster
 * @param task what the driver does: run the experiment, or compute the column statistics of one table output
 */
public record EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
        String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings, List<Path> pluginJars,
        DataRoots dataRoots, JdbcConnections connections, RunOptions options, KerberosProperties kerberos,
        DriverTask task) {

    /** Spark's own settings for the identity its driver signs in to a secured Hadoop cluster with. */
    static final String SPARK_PRINCIPAL = "spark.kerberos.principal";
    static final String SPARK_KEYTAB = "spark.kerberos.keytab";

    public EngineLaunch {
        pluginJars = List.copyOf(pluginJars);
        options = options == null ? RunOptions.reuse() : options;
        kerberos = kerberos == null ? KerberosProperties.NONE : kerberos;
        task = task == null ? new DriverTask.RunExperiment() : task;
    }

    /** The launch of a run. */
    public EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
            String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings,
            List<Path> pluginJars, DataRoots dataRoots, JdbcConnections connections, RunOptions options,
            KerberosProperties kerberos) {
        this(runId, experiment, runDirectory, logFile, workspace, modelStore, callbackUrl, callbackToken, settings,
                pluginJars, dataRoots, connections, options, kerberos, new DriverTask.RunExperiment());
    }

    /** Whether this driver computes column statistics rather than running the experiment. */
    boolean computesStatistics() {
        return task instanceof DriverTask.ComputeStatistics;
    }

    /** The driver's main class in the engine's jar. */
    String mainClass() {
        return task.mainClass();
    }

    /** The Spark application's name, as the cluster manager lists it. */
    String appName() {
        return task.appName(runId);
    }

    /** A launch without Kerberos credentials of the server's. */
    public EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
            String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings,
            List<Path> pluginJars, DataRoots dataRoots, JdbcConnections connections, RunOptions options) {
        this(runId, experiment, runDirectory, logFile, workspace, modelStore, callbackUrl, callbackToken, settings,
                pluginJars, dataRoots, connections, options, KerberosProperties.NONE);
    }

    /** A launch that reuses stored outputs wherever it can, with no previous run to compare with. */
    public EngineLaunch(UUID runId, String experiment, Path runDirectory, Path logFile, String workspace,
            String modelStore, String callbackUrl, String callbackToken, LaunchSettings settings,
            List<Path> pluginJars, DataRoots dataRoots, JdbcConnections connections) {
        this(runId, experiment, runDirectory, logFile, workspace, modelStore, callbackUrl, callbackToken, settings,
                pluginJars, dataRoots, connections, RunOptions.reuse());
    }

    /**
     * The name of the driver's pod in cluster deploy mode on Kubernetes, known before submission so that it can be
     * killed: the run's ({@link KubernetesDrivers#podName}), or one of the statistics job's own.
     */
    String driverPodName() {
        return switch (task) {
            case DriverTask.RunExperiment run -> KubernetesDrivers.podName(settings, runId);
            case DriverTask.ComputeStatistics statistics -> KubernetesDrivers.statisticsPodName(statistics.jobId());
        };
    }

    /** The environment variable the engine reads its callback token from (the engine's EngineArguments). */
    public static final String TOKEN_VARIABLE = "EASEL_CALLBACK_TOKEN";

    /**
     * The engine's own arguments, after its main class. The callback token is never among them where the driver
     * can get it in {@link #TOKEN_VARIABLE}, out of process listings and the Spark UI: from the submitting process's
     * environment, or (cluster deploy mode on YARN or Kubernetes) from {@link #secretSparkSettings()}. Only a
     * cluster manager with neither gets it as an argument.
     */
    public List<String> engineArguments() {
        if (task instanceof DriverTask.ComputeStatistics statistics) {
            return List.of("--table", statistics.table());
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--experiment", experiment,
                "--run-id", runId.toString(),
                "--workspace", workspace,
                "--model-store", modelStore,
                "--callback-url", callbackUrl));
        for (DataRoots.Location root : dataRoots.roots()) {
            if (!root.equals(dataRoots.samples()) && !root.equals(dataRoots.uploads())) {
                arguments.addAll(List.of("--data-root", root.uri()));
            }
        }
        if (dataRoots.samples() != null) {
            arguments.addAll(List.of("--samples", dataRoots.samples().uri()));
        }
        if (dataRoots.uploads() != null) {
            List<String> own = dataRoots.uploads().segments();
            arguments.addAll(List.of("--uploads-area", dataRoots.uploadsArea().uri(),
                    "--uploads-workspace", own.getLast()));
        }
        if (!settings.driverInheritsSubmitterEnvironment()
                && settings.driverEnvironmentSettingPrefix().isEmpty()) {
            arguments.addAll(List.of("--callback-token", callbackToken));
        }
        arguments.addAll(options.engineArguments());
        return List.copyOf(arguments);
    }

    /**
     * Spark settings that carry secrets: the callback token as the driver's {@link #TOKEN_VARIABLE} where the driver
     * starts far from the submitting process (cluster deploy mode on YARN or Kubernetes), and the server's Kerberos
     * principal and keytab. They go to spark-submit in a properties file only its owner reads
     * ({@link SecretSparkSettings}), never on its command line nor into the run's recorded settings.
     */
    public Map<String, String> secretSparkSettings() {
        Map<String, String> secrets = new TreeMap<>();
        settings.driverEnvironmentSettingPrefix().filter(prefix -> !computesStatistics())
                .ifPresent(prefix -> secrets.put(prefix + TOKEN_VARIABLE, callbackToken));
        secrets.putAll(kerberosSparkSettings());
        return secrets;
    }

    /**
     * The server's principal and keytab for Spark, which signs in with them and renews the run's delegation tokens
     * itself; none when the administrator chose Spark's identity in the run's settings, or on a standalone master,
     * which Spark does not support Kerberos on.
     */
    private Map<String, String> kerberosSparkSettings() {
        boolean chosen = settings.conf().containsKey(SPARK_PRINCIPAL) || settings.conf().containsKey(SPARK_KEYTAB);
        if (!kerberos.configured() || chosen || settings.master().startsWith("spark://")) {
            return Map.of();
        }
        return Map.of(SPARK_PRINCIPAL, kerberos.principal(), SPARK_KEYTAB, kerberos.keytab().toString());
    }

    /** What the submitting process's environment must hold for the driver. */
    public Map<String, String> engineEnvironment() {
        if (computesStatistics()) {
            return Map.of(); // no callback, no database: it reads one table of the workspace
        }
        if (connections == null || connections.names().isEmpty()) {
            return Map.of(TOKEN_VARIABLE, callbackToken);
        }
        return Map.of(TOKEN_VARIABLE, callbackToken,
                JdbcConnections.ENVIRONMENT_VARIABLE, StoredJson.MAPPER.writeValueAsString(connections));
    }
}
