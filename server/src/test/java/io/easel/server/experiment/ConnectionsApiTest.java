package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.Node;
import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Database nodes name a connection the administrator configured (the test server has one, {@code warehouse}): an
 * unknown name is told when the experiment is saved or validated, naming the node, the param and the known names,
 * and never runs; a database that cannot tell a table's columns is told too; the password appears nowhere in the
 * answers.
 */
@ServerTest
class ConnectionsApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    private static Map<String, Object> readJdbc(String connection) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Reads from " + connection);
        body.put("graph", Graphs.single(Node.of("sales", "read-jdbc", Map.of("connection", connection,
                "table", "sales"))));
        return body;
    }

    @Test
    void shouldRefuseAConnectionNameTheServerDoesNotHave() {
        Api.Response created = api.post("/api/experiments", readJdbc("crm"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode error = created.body().at("/validation/errors/0");
        assertThat(error.get("code").asString()).isEqualTo("UNKNOWN_CONNECTION");
        assertThat(error.get("nodeId").asString()).isEqualTo("sales");
        assertThat(error.get("param").asString()).isEqualTo("connection");
        assertThat(error.get("message").asString()).contains("Node 'sales'").contains("param 'connection'")
                .contains("no connection is named 'crm'").contains("the configured ones are warehouse");
        Api.Response run = api.post("/api/experiments/" + created.body().get("id").asString() + "/runs", null);
        assertThat(run.status()).as(run.text()).isEqualTo(422);
        assertThat(run.body().at("/errors/0/code").asString()).isEqualTo("UNKNOWN_CONNECTION");
        assertThat(created.text() + run.text()).doesNotContain("warehouse-password-42");
    }

    @Test
    void shouldAcceptAConfiguredConnectionByNameAndSayWhyItsDatabaseCannotTellTheColumns() {
        Api.Response validated = api.post("/api/experiments/validate", readJdbc("warehouse").get("graph"));

        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.text()).doesNotContain("UNKNOWN_CONNECTION").doesNotContain("warehouse-password-42")
                .doesNotContain("jdbc:postgresql");
        // nothing listens where warehouse points: the columns cannot be known before a run, and the node says why
        JsonNode error = validated.body().at("/errors/0");
        assertThat(error.get("code").asString()).isEqualTo("DATABASE_UNREADABLE");
        assertThat(error.get("nodeId").asString()).isEqualTo("sales");
        assertThat(error.get("param").asString()).isEqualTo("table");
        assertThat(error.get("message").asString()).startsWith("Node 'sales' (read-jdbc): param 'table': "
                + "connection 'warehouse': ");
    }

    @Test
    void shouldOfferAndAcceptAConnectionOnlyInTheWorkspacesItIsLimitedTo() {
        assertThat(api.post("/api/workspaces", Map.of("slug", "finance-team", "name", "Finance")).status())
                .isIn(201, 409);
        Api finance = api.inWorkspace("finance-team");

        assertThat(names(api.get("/api/connections"))).containsExactly("warehouse");
        assertThat(names(finance.get("/api/connections"))).containsExactly("ledger", "warehouse");

        Api.Response elsewhere = api.post("/api/experiments/validate", readJdbc("ledger").get("graph"));
        assertThat(elsewhere.body().at("/errors/0/code").asString()).isEqualTo("UNKNOWN_CONNECTION");
        assertThat(elsewhere.body().at("/errors/0/message").asString()).contains("no connection is named 'ledger'")
                .contains("the configured ones are warehouse");
        Api.Response inFinance = finance.post("/api/experiments/validate", readJdbc("ledger").get("graph"));
        assertThat(inFinance.text()).doesNotContain("UNKNOWN_CONNECTION");
    }

    private static List<String> names(Api.Response answer) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : answer.body()) {
            names.add(name.asString());
        }
        return names;
    }
}
