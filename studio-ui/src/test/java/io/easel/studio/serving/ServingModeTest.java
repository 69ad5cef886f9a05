package io.easel.studio.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.studio.EaselStudioApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The studio jar started as a serving replica: no Vaadin servlet and no studio at {@code /}, while scoring, the
 * read-only deployment list and health answer, to the users of the database it shares with the studio (and to no one
 * without credentials).
 */
@SpringBootTest(classes = EaselStudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "easel.mode=serving")
class ServingModeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path fresh = Files.createDirectories(Path.of("target", "test-data", "serving-" + UUID.randomUUID()))
                .toAbsolutePath();
        registry.add("easel.data-dir", fresh::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate database;

    @Autowired
    PasswordEncoder passwords;

    /** A user as the studio would have created it in the shared database (a replica creates none itself). */
    private String basicAuthOfAStudioUser() {
        String username = "scorer-" + UUID.randomUUID().toString().substring(0, 8);
        database.update("insert into users (id, username, password_hash, admin, enabled, created_at) "
                + "values (?, ?, ?, true, true, now())", UUID.randomUUID(), username,
                passwords.encode("replica-password"));
        return "Basic " + Base64.getEncoder().encodeToString((username + ":replica-password")
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void shouldServeScoringWithoutTheStudio() throws Exception {
        // Vaadin's auto-configuration registers its servlet under this name.
        assertThat(context.containsBean("servletRegistrationBean")).isFalse();

        HttpResponse<String> root = send(at("/").header("Accept", "text/html"));
        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(root.body()).doesNotContain("vaadin");
        assertThat(send(at("/experiments/" + UUID.randomUUID())).statusCode()).isEqualTo(404);

        HttpRequest.Builder scoring = at("/api/score/no-such-deployment").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"age\": 30}"));
        assertThat(send(scoring).statusCode()).isEqualTo(401);
        assertThat(send(at("/api/deployments")).statusCode()).isEqualTo(401);

        String user = basicAuthOfAStudioUser();
        HttpResponse<String> score = send(scoring.header("Authorization", user));
        assertThat(score.statusCode()).isEqualTo(404);
        assertThat(score.body()).contains("no-such-deployment");
        assertThat(send(at("/api/deployments").header("Authorization", user)).body()).isEqualTo("[]");
        assertThat(send(at("/api/experiments").header("Authorization", user)).statusCode()).isEqualTo(404);
        assertThat(send(at("/actuator/health")).body()).contains("\"UP\"");
    }
}
