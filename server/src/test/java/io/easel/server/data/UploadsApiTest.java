package io.easel.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Files uploaded from the browser or a script into a workspace, and read by that workspace's experiments as
 * {@code {uploads}/<name>}: stored as sent, listed, downloaded, deleted, limited in size and name, and invisible to
 * every other workspace, through the API and through its runs.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadsApiTest {

    /** The bundled iris file, as a user would upload it (the server's class path has no datasets). */
    private static final Path IRIS = Path.of("../components/builtin/src/main/resources/io/easel/components/datasets/"
            + "iris.csv");
    private static final String PASSWORD = "a-long-enough-password";
    private static final String IRIS_SCHEMA = "sepal_length_cm:double,sepal_width_cm:double,petal_length_cm:double,"
            + "petal_width_cm:double,species:string";

    @LocalServerPort
    int port;

    @Autowired
    EaselProperties easel;

    String slugA;
    String slugB;
    Api alice;
    Api bob;
    Api carol;
    byte[] iris;

    @BeforeAll
    void twoTeams() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api admin = Api.asAdmin(port);
        slugA = "up-a-" + suffix;
        slugB = "up-b-" + suffix;
        for (String slug : List.of(slugA, slugB)) {
            assertThat(admin.post("/api/workspaces", Map.of("slug", slug, "name", slug)).status()).isEqualTo(201);
        }
        alice = user(admin, "up-alice-" + suffix, Map.of(slugA, "analyst")).inWorkspace(slugA);
        bob = user(admin, "up-bob-" + suffix, Map.of(slugB, "analyst")).inWorkspace(slugB);
        carol = user(admin, "up-carol-" + suffix, Map.of(slugA, "viewer")).inWorkspace(slugA);
        iris = Files.readAllBytes(IRIS);
        Api.Response stored = upload(alice, slugA, "iris.csv", iris);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
    }

    private Api user(Api admin, String username, Map<String, String> workspaces) {
        Api.Response created = admin.post("/api/admin/users", Map.of("username", username, "password", PASSWORD,
                "workspaces", workspaces));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Api.anonymous(port).as(username, PASSWORD);
    }

    private static Api.Response upload(Api api, String slug, String query, byte[] content) {
        return api.sendBytes("POST", "/api/workspaces/" + slug + "/uploads?name=" + query, "text/csv", content);
    }

    private static Map<String, Object> readCsv(String path) {
        return Graphs.readingCsv(path, IRIS_SCHEMA);
    }

    @Test
    void shouldStoreListDownloadAndDeleteAnUploadAsItWasSent() {
        byte[] content = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        Api.Response stored = upload(alice, slugA, "small%20table.csv", content);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(stored.body().get("path").asString()).isEqualTo("{uploads}/small table.csv");
        assertThat(stored.body().get("size").asLong()).isEqualTo(content.length);
        assertThat(stored.raw().headers().firstValue("Location"))
                .hasValue("/api/workspaces/" + slugA + "/uploads/small%20table.csv");

        JsonNode listed = carol.get("/api/workspaces/" + slugA + "/uploads").body();
        assertThat(listed.valueStream().map(u -> u.get("name").asString() + ":" + u.get("size").asLong()))
                .contains("iris.csv:" + iris.length, "small table.csv:" + content.length);
        Api.Response downloaded = carol.get("/api/workspaces/" + slugA + "/uploads/small%20table.csv");
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.text()).isEqualTo("a,b\n1,2\n");

        assertThat(carol.delete("/api/workspaces/" + slugA + "/uploads/small%20table.csv").status())
                .isEqualTo(403);
        assertThat(alice.delete("/api/workspaces/" + slugA + "/uploads/small%20table.csv").status()).isEqualTo(204);
        assertThat(alice.get("/api/workspaces/" + slugA + "/uploads").body().valueStream()
                .map(u -> u.get("name").asString())).doesNotContain("small table.csv");
        assertThat(alice.delete("/api/workspaces/" + slugA + "/uploads/small%20table.csv").status()).isEqualTo(404);

        List<String> audited = Api.asAdmin(port).get("/api/admin/audit?limit=100").body().valueStream()
                .filter(e -> e.path("target").asString().equals("small table.csv"))
                .map(e -> e.get("action").asString()).toList();
        assertThat(audited).contains("uploaded", "upload-deleted");
    }

    @Test
    void shouldAnswer409ForANameTakenUnlessTheUploadOverwritesAndKeepTheFirstOnRefusal() {
        assertThat(upload(alice, slugA, "twice.csv", "x\n1\n".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(201);

        Api.Response taken = upload(alice, slugA, "twice.csv", "x\n2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(taken.status()).as(taken.text()).isEqualTo(409);
        assertThat(taken.problemDetail()).contains("twice.csv").contains("overwrite=true");
        assertThat(alice.get("/api/workspaces/" + slugA + "/uploads/twice.csv").text()).isEqualTo("x\n1\n");
        Api.Response replaced = upload(alice, slugA, "twice.csv&overwrite=true",
                "x\n3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(201);
        assertThat(alice.get("/api/workspaces/" + slugA + "/uploads/twice.csv").text()).isEqualTo("x\n3\n");
        assertThat(carol.sendBytes("POST", "/api/workspaces/" + slugA + "/uploads?name=c.csv", "text/csv",
                new byte[] {1}).status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseAFileLargerThanTheLimitWith413NamingItAndStoreNothing() throws IOException {
        byte[] large = new byte[2 * 1024 * 1024 + 1];

        Api.Response refused = upload(alice, slugA, "large.bin", large);

        assertThat(refused.status()).as(refused.text()).isEqualTo(413);
        assertThat(refused.problemDetail()).contains("easel.limits.upload-body").contains("2097152");
        assertThat(alice.get("/api/workspaces/" + slugA + "/uploads").body().valueStream()
                .map(u -> u.get("name").asString())).doesNotContain("large.bin");
        try (var files = Files.list(workspaceUploads(slugA))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void shouldRefuseNamesThatCouldLeaveTheWorkspacesDirectoryWith400NamingTheField() {
        for (String name : List.of("", "..", "../escape.csv", "a%2Fb.csv", "a%5Cb.csv", ".hidden", "tab%09.csv",
                "x".repeat(121) + ".csv", "a%3Ab.csv", "star*.csv", "%7Bsamples%7D.csv")) {
            Api.Response refused = upload(alice, slugA, name, new byte[] {'x'});
            assertThat(refused.status()).as(name + ": " + refused.text()).isIn(400);
            if (refused.body().has("field")) {
                assertThat(refused.body().get("field").asString()).isEqualTo("name");
            }
        }
        Api.Response noName = alice.sendBytes("POST", "/api/workspaces/" + slugA + "/uploads", "text/csv",
                new byte[] {'x'});
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.problemDetail()).contains("'name'").contains("required");
        Api.Response chinese = upload(alice, slugA, "%E5%AE%A2%E6%88%B7.csv", "x\n1\n".getBytes());
        assertThat(chinese.status()).as(chinese.text()).isEqualTo(201);
        assertThat(chinese.body().get("name").asString()).isEqualTo("客户.csv");
    }

    @Test
    void shouldTakeTheFileAsTheBodyAndStillAnswerMultipartWith415() {
        String boundary = "----easel";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\""
                + "\r\n\r\nx\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/workspaces/" + slugA + "/uploads?name=a.csv", "/api/experiments")) {
            Api.Response refused = alice.sendBytes("POST", path, "multipart/form-data; boundary=" + boundary,
                    multipart);
            assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(415);
        }
        assertThat(alice.get("/api/workspaces/" + slugA + "/uploads").body().valueStream()
                .map(u -> u.get("name").asString())).doesNotContain("a.csv");
    }

    @Test
    void shouldHideAWorkspacesUploadsFromEveryOtherWorkspace() {
        String base = "/api/workspaces/" + slugA + "/uploads";
        assertThat(bob.get(base).status()).isEqualTo(404);
        assertThat(bob.get(base + "/iris.csv").status()).isEqualTo(404);
        assertThat(bob.delete(base + "/iris.csv").status()).isEqualTo(404);
        assertThat(upload(bob, slugA, "iris.csv&overwrite=true", new byte[] {'x'}).status()).isEqualTo(404);
        assertThat(bob.get("/api/workspaces/" + slugB + "/uploads").body()).isEmpty();

        // Nor can B's experiments read it: not as B's own upload, not by its full path, a pattern or a ../ climb.
        String fullPath = workspaceUploads(slugA).resolve("iris.csv").toString();
        Map<String, String> expected = Map.of(
                "{uploads}/iris.csv", "UPLOAD_NOT_FOUND",
                fullPath, "PATH_NOT_ALLOWED",
                "file://" + fullPath, "PATH_NOT_ALLOWED",
                workspaceUploads(slugA).getParent() + "/*/iris.csv", "PATH_NOT_ALLOWED",
                "{uploads}/../" + workspaceUploads(slugA).getFileName() + "/iris.csv", "PATH_NOT_ALLOWED");
        expected.forEach((path, code) -> {
            Api.Response created = bob.post("/api/experiments", readCsv(path));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            JsonNode error = created.body().at("/validation/errors/0");
            assertThat(error.get("code").asString()).as(path).isEqualTo(code);
            assertThat(error.get("param").asString()).isEqualTo("path");
            Api.Response run = bob.post("/api/experiments/" + created.body().get("id").asString() + "/runs", null);
            assertThat(run.status()).as(path + ": " + run.text()).isEqualTo(422);
        });
        JsonNode missing = bob.post("/api/experiments", readCsv("{uploads}/iris.csv")).body()
                .at("/validation/errors/0/message");
        assertThat(missing.asString()).contains("no upload 'iris.csv' in this workspace");
        // Validating without saving judges the uploads of the workspace the request works in.
        Object graph = readCsv("{uploads}/iris.csv").get("graph");
        assertThat(alice.post("/api/experiments/validate", graph).body().get("errors")).isEmpty();
        assertThat(bob.post("/api/experiments/validate", graph).body().at("/errors/0/code").asString())
                .isEqualTo("UPLOAD_NOT_FOUND");
        assertThat(bob.inWorkspace(slugA).post("/api/experiments/validate", graph).status()).isEqualTo(404);
    }

    @Test
    void shouldRunAnExperimentThatReadsItsWorkspacesUpload() {
        Api.Response created = alice.post("/api/experiments", readCsv("{uploads}/iris.csv"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/validation/errors")).as(created.text()).isEmpty();

        JsonNode run = alice.runToEnd(created.body().get("id").asString());

        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode table = alice.get("/api/runs/" + run.get("id").asString() + "/nodes/data").body()
                .at("/outputs/out");
        assertThat(table.get("rowCount").asLong()).isEqualTo(150);
    }

    @Test
    void shouldListTheConnectionNamesOnlyToAnyoneSignedIn() {
        Api.Response names = carol.get("/api/connections");
        assertThat(names.status()).isEqualTo(200);
        assertThat(names.body().valueStream().map(JsonNode::asString)).containsExactly("warehouse");
        assertThat(names.text()).doesNotContain("jdbc:").doesNotContain("password").doesNotContain("analyst");
        assertThat(Api.anonymous(port).get("/api/connections").status()).isEqualTo(401);
    }

    private Path workspaceUploads(String slug) {
        String id = Api.asAdmin(port).get("/api/workspaces").body().valueStream()
                .filter(w -> w.get("slug").asString().equals(slug)).findFirst().orElseThrow().get("id").asString();
        return easel.absoluteDataDir().resolve("data").resolve("uploads").resolve(id);
    }
}
