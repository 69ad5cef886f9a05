package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.engine.run.RunReuse;
import io.easel.run.JdbcConnections;
import io.easel.run.RunScope;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineArgumentsTest {

    private static final String[] REQUIRED = {"--experiment", "/tmp/e.json", "--run-id", "r1", "--workspace",
            "file:///tmp/ws", "--model-store", "hdfs://nn:8020/models"};

    @Test
    void shouldReadTheRequiredArguments() {
        EngineArguments arguments = EngineArguments.parse(REQUIRED, Map.of());

        assertThat(arguments.experiment()).isEqualTo("/tmp/e.json");
        assertThat(arguments.runId()).isEqualTo("r1");
        assertThat(arguments.workspace()).isEqualTo("file:///tmp/ws");
        assertThat(arguments.modelStore()).isEqualTo("hdfs://nn:8020/models");
        assertThat(arguments.callbackUrl()).isNull();
    }

    @Test
    void shouldReadHowTheRunReusesStoredOutputs() {
        EngineArguments forcing = EngineArguments.parse(with("--previous-run", "r0", "--force", "gbdt", "--force",
                "split", "--cache-scope", "team-a"), Map.of());
        EngineArguments all = EngineArguments.parse(with("--force", "all"), Map.of());

        assertThat(forcing.reuse()).isEqualTo(new RunReuse("r0", false, Set.of("gbdt", "split"), "team-a"));
        assertThat(all.reuse().forces("anything")).isTrue();
        assertThat(EngineArguments.parse(REQUIRED, Map.of()).reuse()).isEqualTo(RunReuse.byFingerprint());
        assertThatThrownBy(() -> EngineArguments.parse(with("--cache-scope", "../other"), Map.of()))
                .hasMessageContaining("--cache-scope");
    }

    @Test
    void shouldReadTheRunScopeAndTheCacheLimit() {
        RunReuse scoped = EngineArguments.parse(with("--scope", "from", "--scope-node", "gbdt",
                "--cache-max-size", "1048576"), Map.of()).reuse();

        assertThat(scoped.runScope()).isEqualTo(new RunScope(RunScope.Kind.FROM, "gbdt"));
        assertThat(scoped.cacheMaxBytes()).isEqualTo(1_048_576);
        assertThat(scoped.forces("gbdt")).as("the node picked runs").isTrue();
        assertThat(scoped.forces("predict")).isFalse();
        assertThat(EngineArguments.parse(REQUIRED, Map.of()).reuse().runScope()).isEqualTo(RunScope.ALL);
        assertThatThrownBy(() -> EngineArguments.parse(with("--scope", "around", "--scope-node", "gbdt"), Map.of()))
                .hasMessageContaining("--scope").hasMessageContaining("'around' is not a run scope");
        assertThatThrownBy(() -> EngineArguments.parse(with("--scope", "only"), Map.of()))
                .hasMessageContaining("--scope-node");
        assertThatThrownBy(() -> EngineArguments.parse(with("--cache-max-size", "10GB"), Map.of()))
                .hasMessageContaining("--cache-max-size must be a number of bytes");
    }

    @Test
    void shouldReadTheCallbackAndKeepTheTokenOutOfToString() {
        EngineArguments arguments = EngineArguments.parse(with("--callback-url", "http://127.0.0.1:8080/cb",
                "--callback-token", "t0ps3cret"), Map.of());

        assertThat(arguments.callbackUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/cb"));
        assertThat(arguments.callbackToken()).isEqualTo("t0ps3cret");
        assertThat(arguments.toString()).doesNotContain("t0ps3cret");
    }

    @Test
    void shouldTakeTheTokenFromTheEnvironmentWhenNotGiven() {
        EngineArguments arguments = EngineArguments.parse(with("--callback-url", "https://easel/cb"),
                Map.of(EngineArguments.TOKEN_VARIABLE, "from-env"));

        assertThat(arguments.callbackToken()).isEqualTo("from-env");
    }

    @Test
    void shouldTakeTheConnectionsFromTheEnvironmentAndKeepTheirPasswordsOutOfToString() {
        String json = """
                {"connections": {"warehouse": {"url": "jdbc:postgresql://db:5432/dw", "username": "easel",
                "password": "pg-s3cret"}}}""";

        EngineArguments arguments = EngineArguments.parse(REQUIRED, Map.of(JdbcConnections.ENVIRONMENT_VARIABLE, json));

        assertThat(arguments.connections().named("warehouse"))
                .isEqualTo(new JdbcConnections.JdbcConnection("jdbc:postgresql://db:5432/dw", "easel", "pg-s3cret"));
        assertThat(arguments.toString()).contains("warehouse").doesNotContain("pg-s3cret");
        assertThat(EngineArguments.parse(REQUIRED, Map.of()).connections().names()).isEmpty();
        assertThatThrownBy(() -> EngineArguments.parse(REQUIRED, Map.of(JdbcConnections.ENVIRONMENT_VARIABLE,
                "{\"connections\": \"pg-s3cret\"")))
                .hasMessageContaining(JdbcConnections.ENVIRONMENT_VARIABLE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pg-s3cret"));
    }

    @Test
    void shouldRejectACallbackWithoutToken() {
        assertThatThrownBy(() -> EngineArguments.parse(with("--callback-url", "http://x/cb"), Map.of()))
                .hasMessageContaining("--callback-token");
    }

    @Test
    void shouldNameAMissingOrUnknownArgument() {
        assertThatThrownBy(() -> EngineArguments.parse(new String[] {"--run-id", "r1"}, Map.of()))
                .hasMessage("Argument --experiment is required");
        assertThatThrownBy(() -> EngineArguments.parse(with("--master", "yarn"), Map.of()))
                .hasMessage("Unknown argument '--master'");
        assertThatThrownBy(() -> EngineArguments.parse(new String[] {"--experiment"}, Map.of()))
                .hasMessage("Argument --experiment needs a value");
    }

    @Test
    void shouldReadTheRunsOwnUploadsAndFenceOffEveryOtherWorkspaces() {
        EngineArguments arguments = EngineArguments.parse(with("--data-root", "/srv/data", "--uploads-area",
                "/srv/data/uploads", "--uploads-workspace", "a1"), Map.of());

        assertThat(arguments.dataRoots().resolve("{uploads}/x.csv").path()).isEqualTo("/srv/data/uploads/a1/x.csv");
        assertThatThrownBy(() -> arguments.dataRoots().resolve("/srv/data/uploads/b2/x.csv"))
                .hasMessageContaining("uploads of workspaces");
        assertThatThrownBy(() -> EngineArguments.parse(with("--uploads-area", "/srv/data/uploads"), Map.of()))
                .hasMessageContaining("go together");
    }

    private static String[] with(String... more) {
        String[] all = new String[REQUIRED.length + more.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(more, 0, all, REQUIRED.length, more.length);
        return all;
    }
}
