package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.engine.report.EngineJson;
import io.easel.run.RunEvent;
import io.easel.run.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the cluster application jar through the stand-in distribution's {@code bin/spark-submit}, in local
 * mode, the way a user (or the server's Spark launcher) submits it; and what it left in its workspace.
 *
 * @param workspace the run's workspace root
 * @param models the model store root
 */
record AppJarSubmission(String runId, Path workspace, Path models) {

    /**
     * Submits the experiment JSON test resource and waits for the driver to exit 0.
     *
     * @param sparkOptions more spark-submit options, before the application jar (e.g. {@code --jars})
     */
    static AppJarSubmission run(Path dir, String runId, String experimentResource, List<String> sparkOptions)
            throws Exception {
        Path experiment = dir.resolve("experiment.json");
        Files.writeString(experiment, EngineRun.resource(experimentResource));
        Path workspace = dir.resolve("workspace");
        Path models = dir.resolve("models");
        Path log = dir.resolve("spark-submit.log");

        List<String> command = new ArrayList<>(List.of(SparkHome.sparkSubmit().toString(),
                "--master", "local[2]", "--driver-memory", "1g"));
        command.addAll(sparkOptions);
        command.addAll(List.of("--class", "io.easel.engine.EngineMain", SparkHome.appJar().toString(),
                "--experiment", experiment.toUri().toString(),
                "--run-id", runId,
                "--workspace", workspace.toUri().toString(),
                "--model-store", models.toUri().toString()));
        ProcessBuilder submit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        submit.environment().put("JAVA_HOME", System.getProperty("java.home"));
        submit.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        submit.environment().remove("SPARK_HOME"); // the script finds its own
        Process engine = submit.start();
        try {
            assertThat(engine.waitFor(10, TimeUnit.MINUTES)).as("finished within 10 minutes (a busy machine); log:%n%s", tail(log))
                    .isTrue();
            assertThat(engine.exitValue()).as("exit code; log:%n%s", tail(log)).isZero();
        } finally {
            engine.destroyForcibly();
        }
        return new AppJarSubmission(runId, workspace, models);
    }

    RunStatus status() throws IOException {
        return EngineJson.mapper().readValue(workspace.resolve(runId).resolve("status.json").toFile(),
                RunStatus.class);
    }

    List<RunEvent> events() throws IOException {
        List<RunEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(workspace.resolve(runId).resolve("events.jsonl"))) {
            events.add(EngineJson.mapper().readValue(line, RunEvent.class));
        }
        return events;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
