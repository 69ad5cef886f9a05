package io.easel.engine.report;

import io.easel.run.RunEvent;

/** One place run events go. A sink handles its own failures: a broken sink never stops a run. */
public interface RunEventSink extends AutoCloseable {

    void accept(RunEvent event);

    /** Delivers what is pending, within the sink's own time bound. */
    @Override
    void close();
}
