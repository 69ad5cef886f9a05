package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.easel.studio.EaselStudioApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The studio as a user meets it, shared by the browser scenarios: real Chromium, the whole app on a random port with
 * its embedded PostgreSQL, and the real engine as a child Spark driver (local mode). Every scenario class extends this
 * one unchanged, so Spring starts the app once for all of them.
 */
@SpringBootTest(classes = EaselStudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SignedInStudio {

    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();
    static final String ADMIN_PASSWORD = "browser-admin-password";
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createDirectories(Path.of("target", "e2e-data")).toAbsolutePath();
        Path fresh = Files.createTempDirectory(data, "run-");
        registry.add("easel.data-dir", fresh::toString);
        registry.add("easel.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("easel.engine.master", () -> "local[2]");
        registry.add("easel.engine.driver-memory", () -> "1g");
        // What SPARK_LOCAL_IP=127.0.0.1 does, for the driver child process.
        registry.add("easel.engine.spark-conf[spark.driver.host]", () -> "127.0.0.1");
        registry.add("easel.engine.spark-conf[spark.driver.bindAddress]", () -> "127.0.0.1");
        registry.add("easel.engine.spark-conf[spark.ui.enabled]", () -> "false");
        registry.add("easel.engine.spark-conf[spark.sql.shuffle.partitions]", () -> "2");
    }

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
        browser = new Browser(1600, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** What the browser showed when a step failed, for the person reading the failure. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot(Path.of("target", "e2e-failure-"
                        + context.getRequiredTestMethod().getName() + ".png").toAbsolutePath());
                System.out.println("The canvas when " + context.getDisplayName() + " failed: "
                        + browser.canvasState());
            }
        }
    };

    /** Signs in once; the session then lasts for all steps. */
    void signedIn() {
        if (browser.findAll("#signed-in-user").isEmpty()) {
            browser.open(url("/"));
            if (browser.driver.getCurrentUrl().contains("/login")) {
                browser.screenshot(SCREENSHOTS.resolve("login.png"));
                browser.signIn(url(""), "admin", ADMIN_PASSWORD);
            }
        }
    }

    /**
     * Creates an experiment through the REST API, as the administrator, in the default workspace: what a scenario
     * does not test by hand is set up this way, to keep browser tests short.
     *
     * @param body the request body of {@code POST /api/experiments}
     * @return the created experiment
     */
    JsonNode createExperiment(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/experiments")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body());
    }

    /**
     * Creates an experiment through the REST API, as {@link #createExperiment(String)} does, from a graph under the
     * test resources' {@code e2e} folder.
     */
    JsonNode createExperiment(String name, String description, String graphResource)
            throws IOException, InterruptedException {
        String graph;
        try (InputStream in = SignedInStudio.class.getResourceAsStream("/e2e/" + graphResource)) {
            graph = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonMapper json = JsonMapper.builder().build();
        return createExperiment(json.writeValueAsString(Map.of("name", name, "description", description,
                "graph", json.readTree(graph))));
    }

    /** Runs the open experiment and waits until every one of {@code nodes} has succeeded; fails at the first failure. */
    void runAndWaitFor(List<String> nodes) {
        browser.click("#run-experiment");
        browser.until(RUN_TIMEOUT, d -> {
            if (!browser.findAll("g[data-cell-id] [data-state='failed']").isEmpty()) {
                throw new AssertionError("A node failed: " + browser.find("easel-canvas").getText());
            }
            return nodes.stream().allMatch(n -> "succeeded".equals(browser.nodeState(n)));
        });
    }

    /** Opens the results of a node in the side panel. */
    void openResults(String node) {
        browser.selectNode(node);
        browser.click("vaadin-tab[data-tab='results']");
        browser.find(".node-results .result-section");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
