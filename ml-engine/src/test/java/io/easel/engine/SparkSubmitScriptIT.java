package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stand-in {@code bin/spark-submit} sizes the driver JVM the way Spark's launcher does in client mode; the JVM
 * prints its final heap flag ({@code -XX:+PrintCommandLineFlags} through {@code SPARK_SUBMIT_OPTS}) and
 * {@code --version} makes SparkSubmit stop right after.
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
