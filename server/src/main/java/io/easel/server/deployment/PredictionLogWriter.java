package io.easel.server.deployment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes sampled predictions to the {@code prediction_log} table behind scoring's back: scoring puts them into a
 * bounded queue and goes on; one background thread takes them out and inserts them in JDBC batches. When the queue is
 * full (the database is slower than scoring, or gone), the prediction is dropped and counted as {@value #DROPPED}
 * with {@code reason=queue-full}; a batch the database refuses is counted with {@code reason=write-failed}. So the log
 * never slows or fails a scoring request. What is queued when the server stops is written before it closes its
 * database connections.
 */
@Component
class PredictionLogWriter {

    static final String DROPPED = "easel.prediction.log.dropped";
    static final String WRITTEN = "easel.prediction.log.written";

    private static final Logger log = LoggerFactory.getLogger(PredictionLogWriter.class);
    private static final int BATCH = 500;
    private static final String INSERT = "INSERT INTO prediction_log (workspace_id, deployment, model_id, "
            + "model_version, scored_at, request_id, record, inputs, outputs) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)";

    private final BlockingQueue<LoggedPrediction> queue;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Counter queueFull;
    private final Counter writeFailed;
    private final Counter written;
    private final Thread writer;
    private volatile boolean running = true;

    /** @param capacity how many predictions may wait for the database ({@code easel.serving.prediction-log.queue}) */
    PredictionLogWriter(DataSource dataSource, JsonMapper json, MeterRegistry registry,
            @Value("${easel.serving.prediction-log.queue:10000}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("easel.serving.prediction-log.queue must be 1 or more, not " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
        this.queueFull = Counter.builder(DROPPED).tag("reason", "queue-full")
                .description("Sampled predictions the prediction log dropped").register(registry);
        this.writeFailed = Counter.builder(DROPPED).tag("reason", "write-failed")
                .description("Sampled predictions the prediction log dropped").register(registry);
        this.written = Counter.builder(WRITTEN).description("Predictions written to the prediction log")
                .register(registry);
        this.writer = Thread.ofPlatform().name("prediction-log-writer").daemon().start(this::writeUntilStopped);
    }

    /** Queues the prediction, or drops and counts it when the queue is full; never waits. */
    void offer(LoggedPrediction prediction) {
        if (!queue.offer(prediction)) {
            queueFull.increment();
        }
    }

    /** Writes what is still queued, then stops (before the database connections close: this bean depends on them). */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(Duration.ofSeconds(30));
    }

    private void writeUntilStopped() {
        List<LoggedPrediction> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                LoggedPrediction first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // whatever went wrong with one batch, the thread must live on for the next
                log.warn("Dropped {} predictions from the prediction log", batch.size(), e);
                writeFailed.increment(batch.size());
            }
            batch.clear();
        }
    }

    private void write(List<LoggedPrediction> batch) {
        try {
            jdbc.batchUpdate(INSERT, batch, batch.size(), this::bind);
            written.increment(batch.size());
        } catch (DataAccessException refused) {
            // One record the database cannot store (e.g. text it refuses) must not cost the others: one at a time.
            log.warn("The prediction log could not write a batch of {}; writing them one by one", batch.size(),
                    refused);
            for (LoggedPrediction prediction : batch) {
                try {
                    jdbc.update(INSERT, statement -> bind(statement, prediction));
                    written.increment();
                } catch (DataAccessException e) {
                    writeFailed.increment();
                }
            }
        }
    }

    private void bind(PreparedStatement statement, LoggedPrediction prediction) throws SQLException {
        statement.setObject(1, prediction.workspaceId());
        statement.setString(2, prediction.deployment());
        statement.setObject(3, prediction.modelId());
        statement.setInt(4, prediction.modelVersion());
        statement.setObject(5, prediction.scoredAt().atOffset(ZoneOffset.UTC));
        statement.setObject(6, prediction.requestId());
        statement.setInt(7, prediction.record());
        statement.setString(8, json.writeValueAsString(prediction.inputs()));
        statement.setString(9, json.writeValueAsString(prediction.outputs()));
    }
}
