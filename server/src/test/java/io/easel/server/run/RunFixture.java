package io.easel.server.run;

import io.easel.graph.ExperimentGraph;
import io.easel.run.RunState;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** A finished run on record, as an engine would have left it, for tests that need one without running Spark. */
public final class RunFixture {

    private RunFixture() {}

    /** A run of the experiment that succeeded; returns its id. */
    public static UUID succeeded(ApplicationContext server, UUID workspaceId, UUID experimentId,
            ExperimentGraph graph) {
        RunLedger ledger = server.getBean(RunLedger.class);
        RunView run = ledger.create(workspaceId, experimentId, "fixture", graph, null,
                CallbackTokens.hash(CallbackTokens.newToken()));
        ledger.finish(run.id(), RunState.SUCCEEDED, null);
        return run.id();
    }
}
