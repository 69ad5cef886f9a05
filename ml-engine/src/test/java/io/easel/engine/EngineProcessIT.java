package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.engine.report.CallbackServer;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launches the engine in a child JVM exactly as the server does: {@code SparkSubmit} from the engine directory
 * ({@code target/engine}, laid out at {@code package}; Maven runs this test after it), the experiment fetched from
 * the server over HTTP with the run's token, events posted back to the server's callback.
 */
class EngineProcessIT {

    private static final String TOKEN = "process-test-token";

    @Test
    void shouldRunAnExperimentWhenLaunchedLikeTheServerLaunchesIt(@TempDir Path dir) throws Exception {
        String experiment = EngineRun.resource("experiments/credit-scoring.json");
        try (CallbackServer server = new CallbackServer().serving("/api/runs/r42/experiment", experiment, TOKEN)) {
            Path workspace = Files.createDirectories(dir.resolve("workspace"));
            Path models = Files.createDirectories(dir.resolve("models"));
            Path log = dir.resolve("engine.log");
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(Arrays.asList(sparkJvmFlags().trim().split("\\s+")));
            command.addAll(List.of("-Xmx1g", "-cp", engineClassPath(), "org.apache.spark.deploy.SparkSubmit",
                    "--master", "local[2]", "--class", EngineMain.class.getName(), primaryResource(),
                    "--experiment", server.url("/api/runs/r42/experiment").toString(),
                    "--run-id", "r42",
                    "--workspace", workspace.toUri().toString(),
                    "--model-store", models.toUri().toString(),
                    "--callback-url", server.url().toString(),
                    "--callback-token", TOKEN));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process engine = builder.start();
            try {
                boolean exited = engine.waitFor(10, TimeUnit.MINUTES);
                assertThat(exited).as("engine exited within 10 minutes (a busy machine); log:%n%s", tail(log)).isTrue();
                assertThat(engine.exitValue()).as("exit code; log:%n%s", tail(log)).isZero();
            } finally {
                engine.destroyForcibly();
            }

            List<RunEvent> events = server.events();
            assertThat(server.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
            assertThat(events.getFirst()).isInstanceOfSatisfying(RunEvent.RunStarted.class, started -> {
                assertThat(started.sparkAppId()).startsWith("local-");
                assertThat(started.sparkUiUrl()).startsWith("http://");
            });
            assertThat(events.getLast()).isInstanceOfSatisfying(RunEvent.RunFinished.class,
                    finished -> assertThat(finished.state()).isEqualTo(RunState.SUCCEEDED));
            List<RunEvent.NodeStatusChanged> succeeded = events.stream()
                    .filter(e -> e instanceof RunEvent.NodeStatusChanged s && s.state() == NodeState.SUCCEEDED)
                    .map(RunEvent.NodeStatusChanged.class::cast).toList();
            assertThat(succeeded).hasSize(7);
            RunEvent.ModelExported exported = events.stream().filter(RunEvent.ModelExported.class::isInstance)
                    .map(RunEvent.ModelExported.class::cast).findFirst().orElseThrow();
            assertThat(Path.of(URI.create(exported.uri()))).exists().isRegularFile();
            assertThat(workspace.resolve("r42/status.json")).exists();
        }
    }

    /** The engine directory when Maven has laid it out, else this test's own class path (an IDE run). */
    private static String engineClassPath() {
        Path engine = engineDirectory();
        if (Files.isRegularFile(engine.resolve("easel-ml-engine.jar"))) {
            return engine.resolve("lib") + File.separator + "*" + File.pathSeparator
                    + engine.resolve("easel-ml-engine.jar");
        }
        return System.getProperty("java.class.path");
    }

    private static String primaryResource() {
        Path jar = engineDirectory().resolve("easel-ml-engine.jar");
        // Without a jar, SparkSubmit's "no resource" marker runs the class from the class path.
        return Files.isRegularFile(jar) ? jar.toString() : "spark-internal";
    }

    private static Path engineDirectory() {
        return Path.of(System.getProperty("easel.engine.dir", "target/engine")).toAbsolutePath();
    }

    private static String sparkJvmFlags() {
        String flags = System.getProperty("easel.spark.jvm.flags");
        return flags != null && !flags.isBlank() ? flags : JavaModuleOptions.defaultModuleOptions();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
