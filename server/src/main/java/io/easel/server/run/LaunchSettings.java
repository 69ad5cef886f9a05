package io.easel.server.run;

import io.easel.server.experiment.RunSettings;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.util.StdConverter;

/**
 * The Spark settings a run was launched with: the server's {@code easel.engine.*} values with the experiment's
 * {@link RunSettings} applied on top. Recorded on the run, so what ran stays known when either changes later.
 *
 * @param driverCores null (like the other optional resources) for Spark's default
 * @param conf every extra Spark setting passed as {@code --conf}
 */
public record LaunchSettings(String master, String deployMode, String driverMemory, Integer driverCores,
        String executorMemory, Integer executorCores, Integer numExecutors, Map<String, String> conf) {

    private static final String STANDALONE_WAITS_FOR_DRIVER = "spark.standalone.submit.waitAppCompletion";
    /** What a hidden value reads as: Spark's own text for the settings its UI redacts. */
    static final String REDACTED = "*********(redacted)";
    /** Settings whose values are never shown: Spark's default {@code spark.redaction.regex}, and keytabs. */
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|token|access[.]?key|keytab");

    public LaunchSettings {
        conf = conf == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conf));
    }

    static LaunchSettings effective(EngineProperties engine, RunSettings experiment) {
        RunSettings own = experiment == null ? RunSettings.NONE : experiment;
        Map<String, String> conf = new TreeMap<>(engine.sparkConf());
        conf.putAll(own.conf());
        return new LaunchSettings(engine.master(),
                or(own.deployMode(), engine.deployMode()),
                or(own.driverMemory(), engine.driverMemory()),
                or(own.driverCores(), engine.driverCores()),
                or(own.executorMemory(), engine.executorMemory()),
                or(own.executorCores(), engine.executorCores()),
                or(own.numExecutors(), engine.numExecutors()),
                conf);
    }

    boolean clusterDeployMode() {
        return "cluster".equals(deployMode);
    }

    /**
     * Whether the driver gets the environment of the process that submits it: always beside the server (client
     * mode), and on a standalone cluster, whose master hands the submitter's environment to the driver.
     */
    boolean driverInheritsSubmitterEnvironment() {
        return !clusterDeployMode() || master.startsWith("spark://");
    }

    /**
     * The prefix of the Spark settings that become the driver's environment variables when it does not inherit the
     * submitter's: {@code spark.yarn.appMasterEnv.} on YARN (the application master hosts the driver in cluster
     * deploy mode), {@code spark.kubernetes.driverEnv.} on Kubernetes. Spark's UI and logs redact the values of
     * settings whose names look secret ({@code spark.redaction.regex}: …token…).
     */
    Optional<String> driverEnvironmentSettingPrefix() {
        if (driverInheritsSubmitterEnvironment()) {
            return Optional.empty();
        }
        if (master.equals("yarn")) {
            return Optional.of("spark.yarn.appMasterEnv.");
        }
        if (master.startsWith("k8s://")) {
            return Optional.of("spark.kubernetes.driverEnv.");
        }
        return Optional.empty();
    }

    /**
     * Whether spark-submit, in cluster deploy mode, stays until the driver ends, so that its end is the driver's:
     * YARN and Kubernetes do by default, a standalone master does because {@link #sparkSettings()} asks it to.
     * Otherwise the driver may outlive the submission and is only known to have died when the run times out.
     */
    boolean submitterFollowsDriver() {
        return clusterDeployMode() && waitForDriverSetting()
                .map(key -> !"false".equalsIgnoreCase(conf.get(key)))
                .orElse(false);
    }

    /** The setting by which this master's submission client waits for the driver (each cluster manager has one). */
    private Optional<String> waitForDriverSetting() {
        if (master.startsWith("spark://")) {
            return Optional.of(STANDALONE_WAITS_FOR_DRIVER);
        }
        if (master.equals("yarn")) {
            return Optional.of("spark.yarn.submit.waitAppCompletion");
        }
        if (master.startsWith("k8s://")) {
            return Optional.of("spark.kubernetes.submission.waitAppCompletion");
        }
        return Optional.empty();
    }

    /** The resources as Spark settings (only those set), followed by {@link #conf()}. */
    Map<String, String> sparkSettings() {
        Map<String, String> settings = new TreeMap<>();
        put(settings, "spark.driver.cores", driverCores);
        put(settings, "spark.executor.memory", executorMemory);
        put(settings, "spark.executor.cores", executorCores);
        put(settings, "spark.executor.instances", numExecutors);
        if (clusterDeployMode() && master.startsWith("spark://")) {
            // Standalone submission returns at once by default; waiting lets the run see its driver end.
            settings.put(STANDALONE_WAITS_FOR_DRIVER, "true"); // an operator's conf below may turn it off
        }
        if (YarnApplications.runsOn(master)) {
            // A run is one attempt: a second application attempt would run the experiment again over the first
            // one's outputs, after the run had been reported failed. An operator's conf below may allow more.
            settings.put("spark.yarn.maxAppAttempts", "1");
        }
        settings.putAll(conf);
        return settings;
    }

    /** These settings as people see them: the values of settings that name secrets or keytabs hidden. */
    LaunchSettings shown() {
        Map<String, String> shown = new TreeMap<>(conf);
        shown.replaceAll((key, value) -> SECRET.matcher(key).find() ? REDACTED : value);
        return new LaunchSettings(master, deployMode, driverMemory, driverCores, executorMemory, executorCores,
                numExecutors, shown);
    }

    /** Shows a run's settings in API answers as {@link #shown()}, while the run keeps them whole for its launch. */
    static final class Shown extends StdConverter<LaunchSettings, LaunchSettings> {

        @Override
        public LaunchSettings convert(LaunchSettings settings) {
            return settings.shown();
        }
    }

    private static void put(Map<String, String> settings, String key, Object value) {
        if (value != null) {
            settings.put(key, value.toString());
        }
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
