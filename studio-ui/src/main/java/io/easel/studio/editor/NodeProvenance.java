package io.easel.studio.editor;

import io.easel.run.NodeState;
import io.easel.server.run.NodeRunView;
import java.util.Optional;

/**
 * What a run says of where a node's outputs came from, in the user's language: "Reused from run 1a2b3c4d" (the run
 * whose stored outputs it reused) or "Re-ran: param maxDepth changed (5 → 7)". Shown beside the node's state in the
 * node panel and in the node's tooltip on the canvas.
 */
final class NodeProvenance {

    private NodeProvenance() {}

    /** The badge text, if the run says either. */
    static Optional<String> text(NodeRunView run, ValidationMessages.Translator t) {
        if (run == null) {
            return Optional.empty();
        }
        if (run.reusedFrom() != null) {
            return Optional.of(t.get("node.reused", shortRunId(run.reusedFrom())));
        }
        return Optional.ofNullable(run.rerunReason()).map(reason -> t.get("node.rerun", reason));
    }

    /** The badge's tooltip: the whole run id of a reused node, what "re-ran" means otherwise. */
    static String tooltip(NodeRunView run, ValidationMessages.Translator t) {
        return run.reusedFrom() != null ? t.get("node.reused.tooltip", run.reusedFrom())
                : t.get("node.rerun.tooltip");
    }

    /**
     * The node's message on the canvas: why it failed or was skipped, else where its outputs came from, else that it
     * was not in the run (a run from, to or of one node).
     */
    static String canvasMessage(NodeRunView run, ValidationMessages.Translator t) {
        return run.message() != null ? run.message() : text(run, t)
                .orElse(run.state() == NodeState.NOT_IN_RUN ? t.get("state.node.not_in_run") : null);
    }

    private static String shortRunId(String runId) {
        return runId.length() > 8 ? runId.substring(0, 8) : runId;
    }
}
