package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.run.LaunchSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentPanelTest {

    @Test
    void shouldSummarizeWhereARunRanAndKeepItsSparkSettingsOutOfTheTooltip() {
        var settings = new LaunchSettings("local[*]", "client", "1g", null, null, null, null,
                Map.of("spark.hadoop.fs.s3a.secret.key", "hush"));

        assertThat(ExperimentPanel.launchSummary(settings)).isEqualTo("local[*] · client");
        assertThat(ExperimentPanel.launchDetails(settings)).isEqualTo(
                "spark.master=local[*]\nspark.submit.deployMode=client\nspark.driver.memory=1g");
    }
}
