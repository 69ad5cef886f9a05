package io.easel.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.run.RunEvent;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to the server's callback URL as {@link RunEventBatch} JSON with a bearer token. A background thread
 * sends them in order, in small batches of whatever has queued up, so the run never waits for the network; a failed
 * post is retried with exponential backoff a bounded number of times and then logged and dropped (the workspace
 * event log still has it). {@link #close()} waits for the queue to drain, at most {@link Settings#closeTimeout()}.
 */
public final class CallbackSender implements RunEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);
    private static final Object END = new Object();

    /**
     * @param maxBatch most events in one post
     * @param maxAttempts tries per batch, the first included
     * @param firstBackoff wait after the first failed try; doubles after each further one, at most 8 s
     * @param requestTimeout per try, connecting included
     * @param closeTimeout how long {@link #close()} waits for pending events to go out
     */
    public record Settings(int maxBatch, int maxAttempts, Duration firstBackoff, Duration requestTimeout,
            Duration closeTimeout) {

        public static Settings defaults() {
            return new Settings(50, 5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));
        }
    }

    private final URI url;
    private final String token;
    private final String runId;
    private final ObjectMapper json;
    private final Settings settings;
    private final HttpClient http;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Consumer<RunState> serverEnded;
    private long sequence;
    private volatile int undelivered;
    private volatile boolean serverEndedToldOnce;

    public CallbackSender(URI url, String token, String runId, ObjectMapper json, Settings settings) {
        this(url, token, runId, json, settings, state -> {});
    }

    /**
     * @param serverEnded told once, from the sending thread, when the server answers that the run has already ended
     *     (cancelled by a user, failed by its timeout): the driver should stop working for it, wherever it runs
     */
    public CallbackSender(URI url, String token, String runId, ObjectMapper json, Settings settings,
            Consumer<RunState> serverEnded) {
        this.serverEnded = Objects.requireNonNull(serverEnded, "serverEnded");
        this.url = Objects.requireNonNull(url, "url");
        this.token = Objects.requireNonNull(token, "token");
        this.runId = runId;
        this.json = json;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .build();
        this.worker = Thread.ofPlatform().daemon().name("easel-callback").start(this::sendLoop);
    }

    @Override
    public void accept(RunEvent event) {
        outstanding.incrementAndGet();
        queue.add(event);
    }

    @Override
    public void close() {
        queue.add(END);
        try {
            worker.join(settings.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            http.shutdownNow(); // close() would wait for the request in flight
            LOG.error("Gave up on the callback {} after waiting {} ms: {} events not delivered (all are in the "
                    + "run's events.jsonl and status.json)", url, settings.closeTimeout().toMillis(),
                    outstanding.get());
            return;
        }
        if (undelivered > 0) {
            LOG.error("{} events could not be delivered to the callback {} (all are in the run's events.jsonl "
                    + "and status.json)", undelivered, url);
        }
        http.close();
    }

    /** Events given up on so far. */
    int undelivered() {
        return undelivered;
    }

    /** Events neither delivered nor given up on yet. */
    int outstanding() {
        return outstanding.get();
    }

    private void sendLoop() {
        boolean ending = false;
        try {
            while (!ending) {
                List<RunEvent> batch = new ArrayList<>();
                Object first = queue.take();
                List<Object> drained = new ArrayList<>();
                drained.add(first);
                queue.drainTo(drained, settings.maxBatch() - 1);
                for (Object item : drained) {
                    if (item == END) {
                        ending = true;
                    } else {
                        batch.add((RunEvent) item);
                    }
                }
                if (!batch.isEmpty()) {
                    send(new RunEventBatch(runId, ++sequence, batch));
                    outstanding.addAndGet(-batch.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(RunEventBatch batch) throws InterruptedException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(batch);
        } catch (IOException e) {
            LOG.error("Cannot write event batch {} as JSON; dropped", batch.sequence(), e);
            undelivered += batch.events().size();
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            String problem;
            boolean retriable;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    readAcknowledgement(batch, response.body());
                    return;
                }
                problem = "HTTP " + status + " " + abbreviate(response.body());
                // 408 and 429 say "try later"; other client errors (bad token, unknown run) will not heal.
                retriable = status >= 500 || status == 408 || status == 429;
            } catch (IOException e) {
                problem = e.toString();
                retriable = true;
            }
            if (!retriable || attempt == settings.maxAttempts()) {
                LOG.error("Callback {} refused event batch {} ({} events) after {} attempt(s): {}", url,
                        batch.sequence(), batch.events().size(), attempt, problem);
                undelivered += batch.events().size();
                return;
            }
            LOG.warn("Callback {} failed for event batch {} (attempt {} of {}): {}; retrying in {} ms", url,
                    batch.sequence(), attempt, settings.maxAttempts(), problem, backoff.toMillis());
            Thread.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(8)) > 0
                    ? Duration.ofSeconds(8)
                    : backoff.multipliedBy(2);
        }
    }

    /**
     * The server's answer says where the run stands. Final there while this driver still reports events that are not
     * the end: the server ended it (a cancel, a timeout), and only the driver can stop itself on some cluster
     * managers (a standalone master keeps a driver running after spark-submit is stopped).
     */
    private void readAcknowledgement(RunEventBatch batch, String body) {
        if (serverEndedToldOnce || batch.events().stream().anyMatch(RunEvent.RunFinished.class::isInstance)) {
            return;
        }
        RunState state;
        try {
            String name = json.readTree(body).path("state").asText("");
            state = name.isEmpty() ? null : RunState.fromJson(name);
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("The callback's answer names no run state: {}", e.toString());
            return;
        }
        if (state != null && state.isFinal()) {
            serverEndedToldOnce = true;
            serverEnded.accept(state);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
