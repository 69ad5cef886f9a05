package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class EngineMainTest {

    @Test
    void shouldReturnOrThrowInsteadOfExitingInsideYarnsApplicationMaster() {
        // What Spark's YARN ApplicationMaster sets before it calls a driver's main in cluster deploy mode.
        System.setProperty("spark.yarn.app.id", "application_1764662400000_0001");
        System.setProperty("spark.submit.deployMode", "cluster");
        try {
            EngineMain.exit(EngineMain.SUCCEEDED, "unused"); // returns: the master records SUCCEEDED
            assertThatThrownBy(() -> EngineMain.exit(EngineMain.FAILED, "The column statistics were not written"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The column statistics were not written (exit code 1)");
        } finally {
            System.clearProperty("spark.yarn.app.id");
            System.clearProperty("spark.submit.deployMode");
        }
    }

    @Test
    void shouldExitWithTheUsageCodeBeforeStartingSparkWhenTheCommandLineIsWrong() {
        assertThat(EngineMain.launch(new String[] {"--run-id", "r1"})).isEqualTo(EngineMain.USAGE);
        assertThat(EngineMain.launch(new String[] {"--experiment", "e.json", "--run-id", "r1", "--workspace", "ws",
                "--model-store", "m", "--callback-url", "ftp://server/cb", "--callback-token", "t"}))
                .isEqualTo(EngineMain.USAGE);
    }

    @Test
    void shouldGiveALocalDriverSmallDataDefaultsAndTheFairScheduler() {
        assertThat(DriverDefaults.missingFrom(new SparkConf(false), "local[*]")).containsExactlyInAnyOrderEntriesOf(
                Map.of("spark.sql.shuffle.partitions", "8",
                        "spark.sql.adaptive.enabled", "true",
                        "spark.sql.adaptive.coalescePartitions.enabled", "true",
                        "spark.scheduler.mode", "FAIR",
                        "spark.ui.showConsoleProgress", "false"));
    }

    @Test
    void shouldLeaveTheSettingsARunGivesItselfToIt() {
        SparkConf run = new SparkConf(false).set("spark.sql.shuffle.partitions", "64")
                .set("spark.scheduler.mode", "FIFO");

        assertThat(DriverDefaults.missingFrom(run, "local[2]"))
                .doesNotContainKeys("spark.sql.shuffle.partitions", "spark.scheduler.mode")
                .containsEntry("spark.sql.adaptive.enabled", "true")
                .containsEntry("spark.ui.showConsoleProgress", "false");
    }

    @Test
    void shouldKeepSparksDefaultsOnACluster() {
        assertThat(DriverDefaults.missingFrom(new SparkConf(false), "yarn")).isEmpty();
        assertThat(DriverDefaults.missingFrom(new SparkConf(false), "spark://master:7077")).isEmpty();
    }
}
