package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.RunState;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LaunchSettingsTest {

    private static LaunchSettings settings(String master, String deployMode, Map<String, String> conf) {
        return new LaunchSettings(master, deployMode, "2g", null, null, null, null, conf);
    }

    @Test
    void shouldKeepStandaloneSubmissionUntilTheDriverEnds() {
        LaunchSettings standalone = settings("spark://master:7077", "cluster", Map.of());
        assertThat(standalone.sparkSettings()).containsEntry("spark.standalone.submit.waitAppCompletion", "true");
        assertThat(standalone.submitterFollowsDriver()).isTrue();
    }

    @Test
    void shouldLetAnOperatorSubmitToStandaloneWithoutWaiting() {
        LaunchSettings standalone = settings("spark://master:7077", "cluster",
                Map.of("spark.standalone.submit.waitAppCompletion", "false"));
        assertThat(standalone.sparkSettings()).containsEntry("spark.standalone.submit.waitAppCompletion", "false");
        assertThat(standalone.submitterFollowsDriver()).isFalse();
    }

    @Test
    void shouldRelyOnYarnAndKubernetesWaitingByDefault() {
        assertThat(settings("yarn", "cluster", Map.of()).submitterFollowsDriver()).isTrue();
        assertThat(settings("k8s://https://kube:6443", "cluster", Map.of()).submitterFollowsDriver()).isTrue();
        assertThat(settings("yarn", "cluster", Map.of("spark.yarn.submit.waitAppCompletion", "false"))
                .submitterFollowsDriver()).isFalse();
        assertThat(settings("yarn", "cluster", Map.of()).sparkSettings())
                .doesNotContainKey("spark.standalone.submit.waitAppCompletion");
    }

    @Test
    void shouldRunAYarnRunAsOneApplicationAttemptUnlessTheOperatorAllowsMore() {
        assertThat(settings("yarn", "client", Map.of()).sparkSettings())
                .containsEntry("spark.yarn.maxAppAttempts", "1");
        assertThat(settings("yarn", "cluster", Map.of("spark.yarn.maxAppAttempts", "3")).sparkSettings())
                .containsEntry("spark.yarn.maxAppAttempts", "3");
        assertThat(settings("spark://master:7077", "cluster", Map.of()).sparkSettings())
                .doesNotContainKey("spark.yarn.maxAppAttempts");
    }

    @Test
    void shouldNotSpeakOfFollowingADriverThatRunsBesideTheServer() {
        assertThat(settings("spark://master:7077", "client", Map.of()).submitterFollowsDriver()).isFalse();
        assertThat(settings("spark://master:7077", "client", Map.of()).sparkSettings())
                .doesNotContainKey("spark.standalone.submit.waitAppCompletion");
        assertThat(settings("local[*]", "cluster", Map.of()).submitterFollowsDriver()).isFalse();
    }

    @Test
    void shouldHideKeytabsAndSecretsWhereARunsSettingsAreShownButKeepThemForItsLaunch() {
        LaunchSettings settings = settings("yarn", "cluster", Map.of(
                "spark.kerberos.keytab", "/etc/security/keytabs/easel.keytab",
                "spark.kerberos.principal", "easel/gateway@EXAMPLE.COM",
                "spark.hadoop.fs.s3a.secret.key", "s3-secret",
                "spark.executor.memoryOverhead", "512m"));
        RunView run = new RunView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RunState.SUCCEEDED, null,
                null, null, null, null, Map.of(), settings);

        JsonNode shown = JsonMapper.builder().build().valueToTree(run).get("settings").get("conf");

        assertThat(shown.get("spark.kerberos.keytab").asString()).isEqualTo(LaunchSettings.REDACTED);
        assertThat(shown.get("spark.hadoop.fs.s3a.secret.key").asString()).isEqualTo(LaunchSettings.REDACTED);
        assertThat(shown.get("spark.kerberos.principal").asString()).isEqualTo("easel/gateway@EXAMPLE.COM");
        assertThat(shown.get("spark.executor.memoryOverhead").asString()).isEqualTo("512m");
        assertThat(run.settings().sparkSettings())
                .containsEntry("spark.kerberos.keytab", "/etc/security/keytabs/easel.keytab");
    }
}
