package io.easel.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the REST API, as any other client would use it: signed in as a user (HTTP Basic), with an
 * API key, or not at all, and optionally working in a chosen workspace.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The first administrator every test server creates (src/test/resources/application.properties). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-42";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers;
    private final HttpClient http;

    private Api(String base, Map<String, String> headers, HttpClient http) {
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.http = http;
    }

    /** Signed in as the test servers' first administrator. */
    public static Api asAdmin(int port) {
        return anonymous(port).as(ADMIN, ADMIN_PASSWORD);
    }

    /** Without any credentials. */
    public static Api anonymous(int port) {
        return new Api("http://127.0.0.1:" + port, Map.of(), HTTP);
    }

    /** The same server, signed in as this user (HTTP Basic). */
    public Api as(String username, String password) {
        return withHeader("Authorization", basic(username, password));
    }

    /** The same server, authenticated by an API key. */
    public Api withKey(String apiKey) {
        return withHeader("Authorization", "Bearer " + apiKey);
    }

    /** The same credentials, working in the workspace of this slug (the Easel-Workspace header). */
    public Api inWorkspace(String slug) {
        return withHeader("Easel-Workspace", slug);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, more, http);
    }

    /** The same, sending through this client (its own connections) instead of the one all tests share. */
    public Api through(HttpClient client) {
        return new Api(base, headers, client);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** An answer: the status and the body as JSON (a missing node when there is none). */
    public record Response(int status, JsonNode body, String text, HttpResponse<String> raw) {

        public String problemDetail() {
            return body.path("detail").asString();
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(json(path).POST(publisher(body)));
    }

    public Response post(String path, Object body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = json(path).POST(publisher(body));
        extraHeaders.forEach(request::setHeader);
        return send(request);
    }

    public Response put(String path, Object body) {
        return send(json(path).PUT(publisher(body)));
    }

    /** Any method, for calling every endpoint alike: POST and PUT with the JSON body, others without one. */
    public Response send(String method, String path, Object body) {
        boolean withBody = method.equals("POST") || method.equals("PUT");
        return send(json(path).method(method, publisher(withBody ? body : null)));
    }

    /**
     * Starts a run of the experiment and waits for its end (up to 10 minutes: a real engine run on a busy machine);
     * returns the run as {@code GET /api/runs/{id}} shows it.
     */
    public JsonNode runToEnd(String experimentId) {
        Response started = post("/api/experiments/" + experimentId + "/runs", null);
        if (started.status() != 202) {
            throw new AssertionError("The run did not start: " + started.status() + " " + started.text());
        }
        String runId = started.body().get("id").asString();
        return await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> get("/api/runs/" + runId).body(),
                        run -> List.of("succeeded", "failed", "cancelled").contains(run.get("state").asString()));
    }

    /** A GET answered with bytes as they are (downloads). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts text as it is, for bodies that are deliberately not valid JSON. */
    public Response postRaw(String path, String body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends the bytes as they are, with this content type (none when null); a large body waits for the server's
     * "100 Continue", so a body refused for its size is answered without being sent.
     */
    public Response sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).expectContinue(body.length > 1 << 20)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        headers.forEach(request::header);
        return request;
    }

    private HttpRequest.Builder json(String path) {
        return request(path).header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (tools.jackson.core.JacksonException notJson) {
            return JSON.missingNode();
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), parse(text), text, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
