package io.easel.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.store.FileStore;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunStatus;
import io.easel.run.RunState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the world how a run goes: every event goes to each sink (the workspace event log, the server callback), and
 * {@link #finish} writes {@code status.json} with the outcome. Also remembers where each node is, which the run
 * consults to decide what to skip.
 */
public final class RunReporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunReporter.class);

    private final String runId;
    private final List<RunEventSink> sinks;
    private final FileStore store;
    private final Path statusFile;
    private final ObjectMapper json;
    private final Map<String, RunEvent.NodeStatusChanged> nodes = new LinkedHashMap<>();
    private final List<RunEvent.ModelExported> models = new ArrayList<>();
    private RunEvent.RunStarted started;
    private RunEvent.RunFinished finished;

    public RunReporter(String runId, List<RunEventSink> sinks, FileStore store, Path statusFile, ObjectMapper json) {
        this.runId = runId;
        this.sinks = List.copyOf(sinks);
        this.store = store;
        this.statusFile = statusFile;
        this.json = json;
    }

    public void started(String sparkAppId, String sparkUiUrl) {
        report(new RunEvent.RunStarted(sparkAppId, sparkUiUrl, now()));
    }

    // A node's event is stamped and delivered under one lock, so that the sinks get events in the order of their
    // times, whichever thread reports them (nodes of independent branches report from their own threads).
    public synchronized void node(String nodeId, NodeState state, String message) {
        report(new RunEvent.NodeStatusChanged(nodeId, state, message, now()));
    }

    /**
     * A node's state with what the run knows of its earlier outputs: the run whose outputs it reused, or why it ran
     * again (either may be null).
     */
    public synchronized void node(String nodeId, NodeState state, String message, String reusedFrom,
            String rerunReason) {
        report(new RunEvent.NodeStatusChanged(nodeId, state, message, now(), reusedFrom, rerunReason));
    }

    public synchronized NodeState state(String nodeId) {
        RunEvent.NodeStatusChanged last = nodes.get(nodeId);
        return last == null ? null : last.state();
    }

    public synchronized String message(String nodeId) {
        RunEvent.NodeStatusChanged last = nodes.get(nodeId);
        return last == null ? null : last.message();
    }

    public synchronized void report(RunEvent event) {
        if (finished != null) {
            if (!(event instanceof RunEvent.NodeProgress)) { // progress may trail the end by one tick: no matter
                LOG.warn("Event after the run finished, ignored: {}", event);
            }
            return;
        }
        switch (event) {
            case RunEvent.RunStarted s -> started = s;
            case RunEvent.NodeStatusChanged s -> nodes.put(s.nodeId(), s);
            case RunEvent.ModelExported m -> models.add(m);
            case RunEvent.RunFinished f -> finished = f;
            case RunEvent.NodeOutput ignored -> { }
            case RunEvent.NodeProgress ignored -> { }
        }
        for (RunEventSink sink : sinks) {
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.error("Event sink {} failed", sink.getClass().getSimpleName(), e);
            }
        }
    }

    /** Reports the end of the run and writes {@code status.json}; the first call wins. */
    public synchronized void finish(RunState state, String message) {
        if (finished != null) {
            return;
        }
        report(new RunEvent.RunFinished(state, message, now()));
        RunStatus status = new RunStatus(runId, started, finished, List.copyOf(nodes.values()), models);
        try {
            store.write(statusFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(status));
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the run status to {}", statusFile, e);
        }
    }

    public synchronized RunEvent.RunFinished finished() {
        return finished;
    }

    /** Closes every sink, which delivers what they still hold. */
    @Override
    public void close() {
        for (RunEventSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.error("Event sink {} failed to close", sink.getClass().getSimpleName(), e);
            }
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
