package io.easel.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.run.JdbcConnections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static final ConnectionSettings.Connection WAREHOUSE = new ConnectionSettings.Connection(
            "jdbc:postgresql://db:5432/dw", "analyst", "pw-42", null);

    @Test
    void shouldTurnTheConfiguredConnectionsIntoTheRunsConnectionsByName() {
        JdbcConnections connections = new ConnectionSettings(Map.of("warehouse", WAREHOUSE), null).jdbcConnections();

        assertThat(connections.names()).containsExactly("warehouse");
        assertThat(connections.named("warehouse").password()).isEqualTo("pw-42");
        assertThat(connections.toString() + connections.named("warehouse") + WAREHOUSE).doesNotContain("pw-42");
        assertThat(new ConnectionSettings(null, null).jdbcConnections().names()).isEmpty();
    }

    @Test
    void shouldAllowOnlyPostgreSqlUrlsUnlessConfiguredOtherwise() {
        ConnectionSettings.Connection h2 = new ConnectionSettings.Connection("jdbc:h2:mem:x", "sa", "pw-42", List.of());

        assertThatThrownBy(() -> new ConnectionSettings(Map.of("memory", h2), null).jdbcConnections())
                .hasMessageContaining("easel.connections.memory.url must start with one of [jdbc:postgresql:]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-42"));
        assertThat(new ConnectionSettings(Map.of("memory", h2), List.of("jdbc:h2:")).jdbcConnections().names())
                .containsExactly("memory");
        assertThatThrownBy(() -> new ConnectionSettings(Map.of("blank", new ConnectionSettings.Connection(null, "a",
                "b", null)), null).jdbcConnections()).hasMessageContaining("easel.connections.blank.url is not set");
    }

    @Test
    void shouldLimitAConnectionToTheWorkspacesItNames() {
        ConnectionSettings settings = new ConnectionSettings(Map.of("warehouse", WAREHOUSE,
                "crm", new ConnectionSettings.Connection("jdbc:postgresql://db/crm", "crm", "c", List.of(" sales ",
                        "finance"))), null);

        assertThat(settings.workspaceLimits()).containsOnlyKeys("crm");
        assertThat(settings.workspaceLimits().get("crm")).containsExactlyInAnyOrder("sales", "finance");
    }
}
