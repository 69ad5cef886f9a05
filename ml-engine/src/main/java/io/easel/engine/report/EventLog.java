package io.easel.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.store.FileStore;
import io.easel.run.RunEvent;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every event as one JSON line to the run's {@code events.jsonl}, flushed line by line, so the run can be
 * followed and recovered from the workspace even when the callback never got through. Progress is left out: it means
 * nothing once the run has ended, and would be most of the file.
 */
public final class EventLog implements RunEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final Path file;
    private final ObjectMapper json;
    private FSDataOutputStream out;

    public EventLog(FileStore store, Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
        try {
            this.out = store.create(file);
        } catch (IOException e) {
            LOG.error("Cannot create the event log {}; events go to the callback only", file, e);
        }
    }

    @Override
    public synchronized void accept(RunEvent event) {
        if (out == null || event instanceof RunEvent.NodeProgress) {
            return;
        }
        try {
            out.write(json.writeValueAsBytes(event));
            out.write('\n');
            out.hflush();
        } catch (IOException e) {
            LOG.error("Cannot append to the event log {}; later events go to the callback only", file, e);
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the event log {}", file, e);
        }
        out = null;
    }
}
