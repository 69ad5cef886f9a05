package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The driver pods of cluster-mode runs on Kubernetes. Stopping spark-submit there deletes nothing: the driver pod
 * runs on. Each run's driver pod gets a name the server knows ({@code easel-<run id>-driver}, unless the operator
 * names it through {@code spark.kubernetes.driver.pod.name}), so that cancel, a timeout and a server shutdown can
 * kill it as Spark's own tool does: {@code spark-submit --master k8s://… --kill <namespace>:<driver pod>}.
 */
final class KubernetesDrivers {

    static final String POD_NAME = "spark.kubernetes.driver.pod.name";
    static final String NAMESPACE = "spark.kubernetes.namespace";
    /** Spark's namespace when none is set. */
    private static final String DEFAULT_NAMESPACE = "default";
    /** The settings spark-submit --kill needs to reach the API server as the submission did. */
    private static final String CLIENT_SETTINGS = "spark.kubernetes.";
    /** Settings of the driver pod's environment: the callback token, never on a command line. */
    private static final String DRIVER_ENVIRONMENT = "spark.kubernetes.driverEnv.";
    /** How long spark-submit --kill may take before it is given up (and stopped). */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private KubernetesDrivers() {}

    /** Whether runs launched with this master are Kubernetes applications. */
    static boolean runsOn(String master) {
        return master != null && master.startsWith("k8s://");
    }

    /** The name of the run's driver pod: the operator's, or one made of the run's id (a valid DNS label). */
    static String podName(LaunchSettings settings, UUID runId) {
        return settings.conf().getOrDefault(POD_NAME, "easel-" + runId + "-driver");
    }

    /** The name of a statistics job's driver pod, apart from its run's (a valid DNS label). */
    static String statisticsPodName(UUID jobId) {
        return "easel-" + jobId + "-statistics";
    }

    /** spark-submit's command that kills the driver pod {@code podName} (and with it its executors). */
    static List<String> killCommand(Path sparkHome, LaunchSettings settings, String podName) {
        List<String> command = new ArrayList<>(List.of(sparkHome.resolve("bin").resolve("spark-submit").toString(),
                "--master", settings.master()));
        settings.conf().forEach((key, value) -> {
            if (key.startsWith(CLIENT_SETTINGS) && !key.startsWith(DRIVER_ENVIRONMENT)) {
                command.add("--conf");
                command.add(key + "=" + value);
            }
        });
        command.add("--kill");
        command.add(settings.conf().getOrDefault(NAMESPACE, DEFAULT_NAMESPACE) + ":" + podName);
        return command;
    }

    /**
     * Runs {@link #killCommand} and waits at most {@link #LIMIT} for it.
     *
     * @param logFile where spark-submit's output goes (the driver's launch log)
     * @throws IOException when spark-submit cannot start, fails, or does not end in time
     */
    static void kill(Path sparkHome, LaunchSettings settings, String podName, Path logFile) throws IOException {
        List<String> command = killCommand(sparkHome, settings, podName);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process.toHandle());
                throw new IOException("spark-submit --kill did not end within " + LIMIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while spark-submit --kill ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("spark-submit --kill " + command.getLast() + " exited with code "
                    + process.exitValue() + " (its output is in " + logFile + ")");
        }
    }
}
