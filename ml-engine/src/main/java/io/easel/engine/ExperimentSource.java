package io.easel.engine;

import io.easel.engine.store.FileStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Fetches the experiment JSON a run was started with, from a file, HDFS or the server over HTTP. */
final class ExperimentSource {

    private final FileStore store;
    private final String token;

    /** @param token sent as bearer token when the experiment comes over HTTP; may be null */
    ExperimentSource(FileStore store, String token) {
        this.store = store;
        this.token = token;
    }

    String read(String location) throws IOException, InterruptedException {
        URI uri = location.contains(":/") ? URI.create(location) : null;
        if (uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return fetch(uri);
        }
        return new String(store.read(FileStore.root(location)), StandardCharsets.UTF_8);
    }

    private String fetch(URI uri) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        }
    }
}
