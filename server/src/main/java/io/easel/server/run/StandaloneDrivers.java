package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.SparkLauncher;

/**
 * Cluster-mode drivers on a Spark standalone master. Stopping spark-submit there leaves the driver running on its
 * worker. The master names the driver when it accepts it, and spark-submit logs that name ("Driver successfully
 * submitted as driver-…"); Spark's own submission client kills the driver by it over the master's RPC port, as
 * {@code spark-class org.apache.spark.deploy.Client kill <master> <driver id>} does ({@code spark-submit --kill}
 * would need the master's REST server, which is off by default). The client runs through the spark-submit the
 * driver was started with: the distribution's ({@code easel.engine.spark-home}), or the engine's own jars.
 */
final class StandaloneDrivers {

    /** Spark's submission client, which also kills drivers. */
    static final String CLIENT = "org.apache.spark.deploy.Client";
    /**
     * A JVM's start, and the client's five seconds before it asks the master whether the driver is gone: 15 s on a
     * busy 2-core machine against a real master.
     */
    static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern SUBMITTED = Pattern.compile("Driver successfully submitted as (driver-[0-9]+-[0-9]+)");

    private StandaloneDrivers() {}

    /** Whether drivers launched with this master are a standalone master's. */
    static boolean runsOn(String master) {
        return master != null && master.startsWith("spark://");
    }

    /** The id the master gave the driver, as spark-submit logged it in {@code logFile}; empty before that. */
    static Optional<String> driverId(Path logFile) throws IOException {
        if (!Files.exists(logFile)) {
            return Optional.empty();
        }
        Matcher submitted = SUBMITTED.matcher(Files.readString(logFile));
        String last = null;
        while (submitted.find()) {
            last = submitted.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** The command that asks the master to kill the driver, with the Spark settings the driver was submitted with. */
    static List<String> killCommand(EngineProperties engine, LaunchSettings settings, String driverId)
            throws IOException {
        // The client itself runs here, small; its settings reach the master as the submission did (authentication).
        LaunchSettings client = new LaunchSettings(settings.master(), "client", "512m", null, null, null, null,
                settings.conf());
        List<String> arguments = List.of("kill", settings.master(), driverId);
        if (engine.sparkHome() == null) {
            return new SparkDriverLauncher(engine).command(client, List.of(), CLIENT, arguments);
        }
        List<String> command = new ArrayList<>(List.of(
                engine.sparkHome().resolve("bin").resolve("spark-submit").toString(), "--master", settings.master()));
        client.sparkSettings().forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        command.addAll(List.of("--class", CLIENT, SparkLauncher.NO_RESOURCE));
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs {@link #killCommand} and waits at most {@link #LIMIT} for it.
     *
     * @param logFile where the client's output goes (the driver's launch log)
     * @throws IOException when the client cannot start, fails (the driver had already ended), or does not end in time
     */
    static void kill(EngineProperties engine, LaunchSettings settings, String driverId, Path logFile)
            throws IOException {
        Process process = new ProcessBuilder(killCommand(engine, settings, driverId)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process.toHandle());
                throw new IOException("Spark's client did not end within " + LIMIT.toSeconds() + " s killing "
                        + driverId);
            }
        } catch (InterruptedException e) {
            ProcessTree.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while Spark's client killed " + driverId, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("Spark's client killing " + driverId + " exited with code " + process.exitValue()
                    + " (its output is in " + logFile + ")");
        }
    }
}
