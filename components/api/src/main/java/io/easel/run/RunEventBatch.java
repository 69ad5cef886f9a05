package io.easel.run;

import java.util.List;

/**
 * Events of one run as the engine posts them, in order. {@code sequence} numbers the batch within the run so the
 * server can ignore a batch delivered twice.
 */
public record RunEventBatch(String runId, long sequence, List<RunEvent> events) {

    public RunEventBatch {
        events = List.copyOf(events);
    }
}
