package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in {@code bin/spark-submit} sizes the driver JVM the way Spark's launcher does in client mode; the JVM
 * prints its final heap flag ({@code -XX:+PrintCommandLineFlags} through {@code SPARK_SUBMIT_OPTS}) and
 * {@code --version} makes SparkSubmit stop right after. With {@code --master yarn} it finds Spark's YARN module in
 * its jars and the cluster's address in {@code HADOOP_CONF_DIR}, as a Spark distribution does.
 */
class SparkSubmitScriptIT {

    @Test
    void shouldGiveTheDriverTheHeapOfDriverMemory() throws Exception {
        assertThat(maxHeap(Map.of(), "--master", "local[1]", "--driver-memory", "700m", "--version"))
                .isEqualTo(700L << 20);
        assertThat(maxHeap(Map.of(), "--driver-memory=300m", "--version")).isEqualTo(300L << 20);
    }

    @Test
    void shouldFallBackToSparkDriverMemoryThenToOneGigabyte() throws Exception {
        assertThat(maxHeap(Map.of("SPARK_DRIVER_MEMORY", "600m"), "--version")).isEqualTo(600L << 20);
        assertThat(maxHeap(Map.of(), "--version")).isEqualTo(1L << 30);
    }

    @Test
    void shouldLeaveTheApplicationsOwnArgumentsAlone() throws Exception {
        // after the application jar, --driver-memory belongs to the application: the heap stays at the default
        assertThat(maxHeap(Map.of(), "--version", "--class", "x.Y", "app.jar", "--driver-memory", "2g"))
                .isEqualTo(1L << 30);
    }

    @Test
    void shouldSubmitToTheResourceManagerNamedInHadoopConfDir(@TempDir Path confDir) throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort(); // nothing listens there: the submission gets as far as connecting
        }
        Files.writeString(confDir.resolve("yarn-site.xml"), """
                <configuration>
                  <property><name>yarn.resourcemanager.address</name><value>127.0.0.1:%d</value></property>
                </configuration>
                """.formatted(port));
        List<String> command = List.of(SparkHome.sparkSubmit().toString(), "--master", "yarn",
                "--deploy-mode", "cluster", "--class", "io.easel.engine.EngineMain", SparkHome.appJar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HADOOP_CONF_DIR", confDir.toString());
        builder.environment().remove("YARN_CONF_DIR");
        Process process = builder.start();
        try {
            // Without the YARN module SparkSubmit stops at once ("Could not load YARN classes"); without the conf
            // dir on its class path the client would try YARN's default, 0.0.0.0:8032. It retries for minutes.
            Predicate<String> connecting = line -> line.contains("Connecting to ResourceManager at")
                    && line.contains("127.0.0.1:" + port);
            CompletableFuture<List<String>> untilConnecting = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                        if (connecting.test(line)) {
                            break;
                        }
                    }
                } catch (IOException ended) {
                    // the process was stopped: the lines read so far tell what happened
                }
                return lines;
            });
            List<String> lines = untilConnecting.get(2, TimeUnit.MINUTES);
            assertThat(lines).as(String.join("\n", lines)).anyMatch(connecting);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long maxHeap(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SparkHome.sparkSubmit().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SPARK_DRIVER_MEMORY");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("SPARK_SUBMIT_OPTS", "-XX:+PrintCommandLineFlags");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        for (String word : output.split("\\s+")) {
            if (word.startsWith("-XX:MaxHeapSize=")) {
                return Long.parseLong(word.substring("-XX:MaxHeapSize=".length()));
            }
        }
        throw new AssertionError("No -XX:MaxHeapSize in the output of spark-submit:\n" + output);
    }
}
