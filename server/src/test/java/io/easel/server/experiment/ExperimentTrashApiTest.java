package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.run.RunFixture;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceService;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Delete goes to a trash that gives experiments back; the list finds, sorts and reads them in one query. */
@ServerTest
@ExtendWith(AsAdministrator.class)
class ExperimentTrashApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Autowired
    ExperimentService experiments;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    EntityManagerFactory persistence;

    @Autowired
    JdbcTemplate database;

    Api admin;

    @BeforeEach
    void client() {
        admin = Api.asAdmin(port);
    }

    /** A workspace of its own, so the lists below hold only what the test made. */
    private Api newWorkspace() {
        return admin.inWorkspace(newWorkspaceSlug());
    }

    private String newWorkspaceSlug() {
        String slug = "trash-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/workspaces", Map.of("slug", slug, "name", slug)).status()).isEqualTo(201);
        return slug;
    }

    private String create(Api api, String name, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
        body.put("name", name);
        body.put("graph", Graphs.creditSplit(0.8));
        Api.Response created = api.post("/api/experiments", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static List<String> names(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.body().valueStream().map(e -> e.get("name").asString()).toList();
    }

    @Test
    void shouldMoveADeletedExperimentToTheTrashKeepingItsRunsAndRestoreIt() {
        Api api = newWorkspace();
        String id = create(api, "Trashed", Map.of());
        JsonNode experiment = api.get("/api/experiments/" + id).body();
        UUID runId = RunFixture.succeeded(server, UUID.fromString(experiment.get("workspaceId").asString()),
                UUID.fromString(id), Graphs.creditSplit(0.8));

        assertThat(api.delete("/api/experiments/" + id).status()).isEqualTo(204);

        assertThat(names(api.get("/api/experiments"))).isEmpty();
        JsonNode trash = api.get("/api/experiments/trash").body();
        assertThat(trash.get(0).get("name").asString()).isEqualTo("Trashed");
        assertThat(trash.get(0).get("deletedAt").isNull()).isFalse();
        Api.Response opened = api.get("/api/experiments/" + id);
        assertThat(opened.status()).isEqualTo(404);
        assertThat(opened.problemDetail()).contains("in the trash");
        assertThat(api.get("/api/runs/" + runId).status()).as("its runs stay").isEqualTo(200);

        Api.Response restored = api.post("/api/experiments/trash/" + id + "/restore", null);
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(names(api.get("/api/experiments"))).containsExactly("Trashed");
        assertThat(api.get("/api/experiments/trash").body()).isEmpty();
        assertThat(api.get("/api/experiments/" + id).body().at("/graph/nodes/1/params/fraction").asDouble())
                .isEqualTo(0.8);
        assertThat(api.post("/api/experiments/trash/" + id + "/restore", null).status())
                .as("not in the trash any more").isEqualTo(404);
    }

    @Test
    void shouldPurgeFromTheTrashByHandAndAfterTheRetention() {
        Api api = newWorkspace();
        String byHand = create(api, "Purged by hand", Map.of());
        String expired = create(api, "Expired", Map.of());
        String recent = create(api, "Recently trashed", Map.of());
        assertThat(api.delete("/api/experiments/" + byHand).status()).isEqualTo(204);
        assertThat(api.delete("/api/experiments/" + expired).status()).isEqualTo(204);
        assertThat(api.delete("/api/experiments/" + recent).status()).isEqualTo(204);
        assertThat(api.delete("/api/experiments/trash/" + create(api, "In use", Map.of())).status())
                .as("only what is in the trash is purged").isEqualTo(404);

        assertThat(api.delete("/api/experiments/trash/" + byHand).status()).isEqualTo(204);
        database.update("update experiments set deleted_at = ? where id = ?::uuid",
                java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(31))), expired);
        new TrashPurge(experiments, 30).purgeExpired();

        assertThat(names(api.get("/api/experiments/trash"))).containsExactly("Recently trashed");
        assertThat(database.queryForObject("select count(*) from experiment_revisions where experiment_id in "
                + "(?::uuid, ?::uuid)", Integer.class, byHand, expired)).as("revisions go too").isZero();
    }

    @Test
    void shouldSearchNameDescriptionAndTagsAndSortByNameOwnerOrChange() {
        Api api = newWorkspace();
        create(api, "Churn model", Map.of("tags", List.of("Telecom", "gbdt")));
        create(api, "Basket rules", Map.of("description", "FP-growth over telecom add-ons"));
        create(api, "alpha credit", Map.of("tags", List.of(" credit ", "CREDIT", "")));

        assertThat(names(api.get("/api/experiments?search=TELECOM"))).containsExactly("Basket rules",
                "Churn model");
        assertThat(names(api.get("/api/experiments?search=credit"))).containsExactly("alpha credit");
        assertThat(names(api.get("/api/experiments?sort=name"))).containsExactly("alpha credit", "Basket rules",
                "Churn model");
        assertThat(names(api.get("/api/experiments"))).containsExactly("alpha credit", "Basket rules",
                "Churn model");
        assertThat(names(api.get("/api/experiments?sort=owner"))).hasSize(3);
        JsonNode listed = api.get("/api/experiments?search=alpha").body().get(0);
        assertThat(listed.get("tags").valueStream().map(JsonNode::asString)).containsExactly("credit");
        assertThat(listed.get("owner").asString()).isEqualTo(Api.ADMIN);
        assertThat(api.get("/api/experiments?sort=size").status()).isEqualTo(400);
    }

    @Test
    void shouldReadTheListInOneQueryWhateverItsLength() {
        String slug = newWorkspaceSlug();
        Api api = admin.inWorkspace(slug);
        WorkspaceRef workspace = workspaces.get(slug).ref();
        create(api, "first", Map.of());
        long shortList = statementsToList(workspace, 1);
        for (int i = 0; i < 10; i++) {
            create(api, "more " + i, Map.of("tags", List.of("t" + i)));
        }
        long longList = statementsToList(workspace, 11);

        assertThat(longList).isEqualTo(shortList);
        assertThat(longList).as("the caller's roles, then the list").isLessThanOrEqualTo(3);
    }

    private long statementsToList(WorkspaceRef workspace, int expectedRows) {
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            assertThat(experiments.list(workspace)).hasSize(expectedRows);
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
