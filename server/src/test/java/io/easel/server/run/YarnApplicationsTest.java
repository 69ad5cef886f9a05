package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YarnApplicationsTest {

    @TempDir
    Path conf;

    @Test
    void shouldFindTheResourceManagerAsSparkSubmitDoesAndLetTheOperatorOverrideIt() throws IOException {
        Files.writeString(conf.resolve("yarn-site.xml"), """
                <configuration>
                  <property><name>yarn.resourcemanager.address</name><value>rm.example:8032</value></property>
                  <property><name>yarn.resourcemanager.scheduler.address</name><value>rm.example:8030</value></property>
                </configuration>
                """);
        YarnApplications yarn = new YarnApplications(
                Map.of("spark.hadoop.yarn.resourcemanager.scheduler.address", "other.example:8030",
                        "spark.executor.memory", "1g"),
                Map.of("HADOOP_CONF_DIR", conf.toString()));

        Configuration configuration = yarn.configuration();

        assertThat(configuration.get("yarn.resourcemanager.address")).isEqualTo("rm.example:8032");
        assertThat(configuration.get("yarn.resourcemanager.scheduler.address")).isEqualTo("other.example:8030");
        assertThat(configuration.get("executor.memory")).isNull();
    }

    @Test
    void shouldGiveUpOnAnUnreachableResourceManagerWithinItsLimit() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        YarnApplications yarn = new YarnApplications(
                Map.of("spark.hadoop.yarn.resourcemanager.address", "127.0.0.1:" + closedPort), Map.of());

        long start = System.nanoTime();
        assertThatThrownBy(() -> yarn.kill("application_1764662400000_0001", "test"))
                .isInstanceOf(IOException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        // A cancel or a shutdown waits for this at most (Hadoop's retry policy alone took 33 s here).
        assertThat(waited).isLessThan(YarnApplications.LIMIT.plusSeconds(2));
    }

    @Test
    void shouldQuoteWhatTheApplicationMasterWroteWithoutYarnsFraming() {
        // As YARN's aggregated log prints a container's file (the IT reads a real one).
        String printed = """
                Container: container_1764662400000_0001_01_000001 on localhost_40123
                LogAggregationType: AGGREGATED
                ==================================================================
                LogType:stdout
                LogLastModifiedTime:Thu Dec 03 10:24:58 +0000 2026
                LogLength:66
                LogContents:
                Error occurred during initialization of VM
                Too small maximum heap

                End of LogType:stdout
                ******************************************************************************
                """;
        YarnApplications.ApplicationMasterLog log = new YarnApplications.ApplicationMasterLog(null, printed, null);

        assertThat(log.lastLines(10)).containsExactly("Error occurred during initialization of VM",
                "Too small maximum heap");
        assertThat(log.lastLines(1)).containsExactly("Too small maximum heap");
        assertThat(YarnApplications.ApplicationMasterLog.missing("no aggregation").lastLines(10)).isEmpty();
    }

    @Test
    void shouldTellYarnRunsAndApplicationIdsApart() {
        assertThat(YarnApplications.runsOn("yarn")).isTrue();
        assertThat(YarnApplications.runsOn("spark://m:7077")).isFalse();
        assertThat(YarnApplications.isYarnApplicationId("application_1764662400000_0003")).isTrue();
        assertThat(YarnApplications.isYarnApplicationId("app-20261202070000-0001")).isFalse();
        assertThat(YarnApplications.isYarnApplicationId(null)).isFalse();
    }
}
