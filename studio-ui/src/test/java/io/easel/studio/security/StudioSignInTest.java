package io.easel.studio.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.studio.EaselStudioApplication;
import io.easel.testidp.IdentityProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in to the studio as a browser does, over HTTP: the login form, the session it gives (shared by the REST API,
 * where changes then need the CSRF token), and OIDC sign-in through a real authorization server started here, whose
 * users become Easel users at their first sign-in.
 */
@SpringBootTest(classes = EaselStudioApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class StudioSignInTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "studio-admin-password";
    /** Both known before either starts: each must know where the other is. */
    private static final int PORT = freePort();
    private static final int PROVIDER_PORT = freePort();
    private static final String STUDIO = "http://127.0.0.1:" + PORT;
    private static final String PROVIDER = IdentityProvider.issuer(PROVIDER_PORT);
    private static IdentityProvider provider;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createDirectories(Path.of("target", "test-data", "sign-in-" + UUID.randomUUID()))
                .toAbsolutePath();
        registry.add("server.port", () -> PORT);
        registry.add("easel.data-dir", data::toString);
        registry.add("easel.security.admin-password", () -> ADMIN_PASSWORD);
        registry.add("easel.security.bcrypt-strength", () -> 4);
        IdentityProvider.clientSettings("corp", PROVIDER_PORT).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.security.oauth2.client.registration.corp.client-name", () -> "Corporate SSO");
    }

    /** The provider, started once the studio is up (see {@link IdentityProvider#start}). */
    @BeforeEach
    void startProvider() {
        if (provider == null) {
            provider = IdentityProvider.start(PROVIDER_PORT, STUDIO + "/login/oauth2/code/corp");
        }
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpBrowser signedIn(String username, String password) {
        HttpBrowser browser = new HttpBrowser();
        HttpResponse<String> posted = browser.postForm(STUDIO + "/login", Map.of("username", username,
                "password", password));
        assertThat(HttpBrowser.isRedirect(posted)).as(posted.body()).isTrue();
        assertThat(HttpBrowser.location(posted)).isEqualTo(STUDIO + "/");
        return browser;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The UI takes every path the API does not: an unknown API path must still answer as the API does. */
    @Test
    void shouldAnswerUnknownApiPathsAndTheBareErrorPageWithJson404NotTheUi() {
        HttpBrowser admin = signedIn("admin", ADMIN_PASSWORD);
        for (String path : List.of("/api/no-such-thing", "/api/experiments/x/y", "/error")) {
            HttpResponse<String> answer = admin.get(STUDIO + path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(answer).get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void shouldSendVisitorsToTheLoginPageAndSignThemInWithTheirPassword() {
        HttpBrowser visitor = new HttpBrowser();
        HttpResponse<String> start = visitor.get(STUDIO + "/");
        assertThat(HttpBrowser.isRedirect(start)).isTrue();
        assertThat(HttpBrowser.location(start)).isEqualTo(STUDIO + "/login");
        assertThat(visitor.get(STUDIO + "/login").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = visitor.postForm(STUDIO + "/login", Map.of("username", "admin",
                "password", "not-the-password"));
        assertThat(HttpBrowser.location(wrong)).isEqualTo(STUDIO + "/login?error");

        HttpBrowser admin = signedIn("admin", ADMIN_PASSWORD);
        HttpResponse<String> me = admin.get(STUDIO + "/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("username").asString()).isEqualTo("admin");
        assertThat(admin.get(STUDIO + "/").statusCode()).isEqualTo(200);

        List<JsonNode> audit = json(admin.get(STUDIO + "/api/admin/audit?limit=20")).valueStream().toList();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("sign-in");
            assertThat(e.get("actor").asString()).isEqualTo("admin");
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action").asString()).isEqualTo("sign-in-failed");
            assertThat(e.get("actor").asString()).isEqualTo("admin");
        });
    }

    @Test
    void shouldRequireTheCsrfTokenForRestChangesMadeWithTheBrowsersSession() {
        HttpBrowser admin = signedIn("admin", ADMIN_PASSWORD);
        String experiment = "{\"name\": \"From the browser session\"}";

        HttpResponse<String> forged = admin.postJson(STUDIO + "/api/experiments", experiment, Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("detail").asString()).contains("CSRF");

        admin.get(STUDIO + "/api/me"); // any API response hands the token to the page as a cookie
        String token = admin.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        HttpResponse<String> genuine = admin.postJson(STUDIO + "/api/experiments", experiment,
                Map.of("X-XSRF-TOKEN", token));
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(201);

        HttpResponse<String> otherOrigin = admin.postJson(STUDIO + "/api/experiments", experiment,
                Map.of("X-XSRF-TOKEN", token, "Origin", "https://evil.example"));
        assertThat(otherOrigin.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldSignInThroughTheIdentityProviderAndMakeTheUserAViewerOfTheDefaultWorkspaceOnce() {
        for (int signIn = 1; signIn <= 2; signIn++) {
            HttpBrowser browser = new HttpBrowser();
            // The login page's button leads here; the provider asks for its own sign-in first.
            HttpResponse<String> providerLogin = browser.follow(STUDIO + "/oauth2/authorization/corp");
            assertThat(providerLogin.uri().toString()).startsWith(PROVIDER + "/login");
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(providerLogin.body());
            assertThat(csrf.find()).as(providerLogin.body()).isTrue();
            HttpResponse<String> posted = browser.postForm(PROVIDER + "/login", Map.of(
                    "username", IdentityProvider.USERNAME, "password", IdentityProvider.PASSWORD,
                    "_csrf", csrf.group(1)));
            HttpResponse<String> landed = browser.follow(HttpBrowser.location(posted));
            assertThat(landed.uri().toString()).as(landed.body()).isEqualTo(STUDIO + "/");

            JsonNode me = json(browser.get(STUDIO + "/api/me"));
            assertThat(me.get("username").asString()).isEqualTo(IdentityProvider.USERNAME);
            assertThat(me.get("admin").asBoolean()).isFalse();
            assertThat(me.get("workspaces").get(0).get("slug").asString()).isEqualTo("default");
            assertThat(me.get("workspaces").get(0).get("role").asString()).isEqualTo("viewer");
        }

        HttpBrowser admin = signedIn("admin", ADMIN_PASSWORD);
        List<JsonNode> users = json(admin.get(STUDIO + "/api/admin/users")).valueStream()
                .filter(u -> u.get("username").asString().startsWith(IdentityProvider.USERNAME)).toList();
        assertThat(users).singleElement().satisfies(u -> {
            assertThat(u.get("identityProvider").asBoolean()).isTrue();
            assertThat(u.get("passwordSignIn").asBoolean()).isFalse();
        });
        List<JsonNode> audit = json(admin.get(STUDIO + "/api/admin/audit?limit=50")).valueStream()
                .filter(e -> e.get("actor").asString().equals(IdentityProvider.USERNAME)).toList();
        assertThat(audit).extracting(e -> e.get("action").asString()).containsOnlyOnce("user-created")
                .contains("sign-in");
    }
}
