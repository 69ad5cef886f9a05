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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The studio jar started as a serving replica: no Vaadin servlet and no studio at {@code /}, while scoring, the
 * read-only deployment list and health answer.
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

        HttpResponse<String> score = send(at("/api/score/no-such-deployment")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"age\": 30}")));
        assertThat(score.statusCode()).isEqualTo(404);
        assertThat(score.body()).contains("no-such-deployment");
        assertThat(send(at("/api/deployments")).body()).isEqualTo("[]");
        assertThat(send(at("/api/experiments")).statusCode()).isEqualTo(404);
        assertThat(send(at("/actuator/health")).body()).contains("\"UP\"");
    }
}
