package io.easel.server.run;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** A finished run on record, as an engine would have left it, for tests that need one without running Spark. */
public final class RunFixture {

    private RunFixture() {}

    /**
     * A run of the experiment's revision that succeeded with every node, as an engine reports it: each node's
     * outputs as given (e.g. evaluation reports); returns its id.
     */
    public static UUID succeeded(ApplicationContext server, UUID workspaceId, UUID experimentId, int revision,
            ExperimentGraph graph, Map<String, Map<String, PortResult>> outputsByNode) {
        RunLedger ledger = server.getBean(RunLedger.class);
        String token = CallbackTokens.newToken();
        RunView run = ledger.create(workspaceId, experimentId, "fixture", graph, revision, null, RunOptions.reuse(),
                CallbackTokens.hash(token));
        long now = System.currentTimeMillis();
        List<RunEvent> events = new ArrayList<>();
        events.add(new RunEvent.RunStarted("app-fixture", null, now));
        for (Node node : graph.nodes()) {
            events.add(new RunEvent.NodeStatusChanged(node.id(), NodeState.SUCCEEDED, null, now + 1000));
            outputsByNode.getOrDefault(node.id(), Map.of()).forEach((port, result) ->
                    events.add(new RunEvent.NodeOutput(node.id(), port, result, now + 1000)));
        }
        events.add(new RunEvent.RunFinished(RunState.SUCCEEDED, null, now + 2000));
        ledger.apply(run.id(), token, new RunEventBatch(run.id().toString(), 1, events));
        return run.id();
    }

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
