package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.easel.component.Text;
import io.easel.run.FailureCause;
import io.easel.run.NodeState;
import java.time.Instant;

/**
 * @param message why the node failed or was skipped; null otherwise
 * @param reusedFrom the run whose stored outputs the node reused instead of running; null when it ran
 * @param rerunReason why the node ran although an earlier run of the experiment had it ("param maxDepth changed
 *     (5 → 7)", "upstream node split changed", "input file changed", "forced" …); null otherwise
 * @param progress while the node runs: how many of the Spark tasks it has started so far are done; null otherwise
 *     (and before its first Spark task)
 */
public record NodeRunView(String nodeId, NodeState state, String message, Instant startedAt, Instant finishedAt,
        String reusedFrom, String rerunReason, Progress progress) {

    public NodeRunView(String nodeId, NodeState state, String message, Instant startedAt, Instant finishedAt,
            String reusedFrom, String rerunReason) {
        this(nodeId, state, message, startedAt, finishedAt, reusedFrom, rerunReason, null);
    }

    /**
     * The Spark tasks of a running node: {@code tasksDone ≤ tasksTotal}; the total grows as the node starts more
     * jobs, so the fraction is an estimate.
     *
     * @param at when the engine counted them
     */
    public record Progress(long tasksDone, long tasksTotal, Instant at) {

        /** Done as a fraction in [0, 1]; 0 while no task is known. */
        public double fraction() {
            return tasksTotal == 0 ? 0 : (double) tasksDone / tasksTotal;
        }
    }

    /**
     * Why the node failed or was skipped, in plain words in both languages ({@code {"en": …, "zh": …}}): Spark's
     * error classes and the JVM's common failures explained ({@link FailureCause}); any other message, a component's
     * own and already plain, is its own cause (in its one language). Null for a node that did not fail.
     */
    @JsonProperty(value = "cause", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Text cause() {
        return causeOf(state, message);
    }

    static Text causeOf(NodeState state, String message) {
        if ((state != NodeState.FAILED && state != NodeState.SKIPPED) || message == null || message.isBlank()) {
            return null;
        }
        return FailureCause.explain(message).orElseGet(() -> Text.of(message, message));
    }

    /** The same node with the progress the engine last reported, shown while it runs. */
    NodeRunView withProgress(Progress latest) {
        return latest == null || state != NodeState.RUNNING ? this
                : new NodeRunView(nodeId, state, message, startedAt, finishedAt, reusedFrom, rerunReason, latest);
    }
}
