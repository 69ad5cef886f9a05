package io.easel.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.easel.run.RunEvent;
import io.easel.run.RunEventBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on 127.0.0.1 standing in for the server's run callback: records what arrives and answers
 * with scripted status codes (200 once the script is used up).
 */
public final class CallbackServer implements AutoCloseable {

    public static final String PATH = "/api/runs/events";

    /** One request as received. */
    public record Received(String authorization, String contentType, RunEventBatch batch) {}

    private final HttpServer server;
    private final ObjectMapper json = EngineJson.mapper();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    /** The run state accepted batches are acknowledged with, as the server does; null for an empty answer. */
    private volatile String runState;

    public CallbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Integer status = script.poll();
                int code = status == null ? 200 : status;
                if (code == 200) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            json.readValue(body, RunEventBatch.class)));
                }
                String state = runState;
                if (code == 200 && state != null) {
                    byte[] answer = ("{\"state\":\"" + state + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(code, answer.length);
                    exchange.getResponseBody().write(answer);
                    return;
                }
                exchange.sendResponseHeaders(code, -1);
            }
        });
        server.start();
    }

    /** Serves {@code body} at {@code path} to requests carrying {@code token}; 401 to others. */
    public CallbackServer serving(String path, String body, String token) {
        server.createContext(path, exchange -> {
            try (exchange) {
                boolean authorized = ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (!authorized) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** From now on accepted batches are acknowledged with this run state ({@code running}, {@code cancelled}…). */
    public CallbackServer acknowledgingRunAs(String state) {
        runState = state;
        return this;
    }

    /** The next requests get these status codes, in order. */
    public CallbackServer answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    public URI url() {
        return url(PATH);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<RunEvent> events() {
        List<RunEvent> events = new ArrayList<>();
        received.forEach(r -> events.addAll(r.batch().events()));
        return events;
    }

    /** Waits until some arrived event matches, at most {@code timeout}. */
    public boolean awaitEvent(Predicate<RunEvent> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (events().stream().anyMatch(condition)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
