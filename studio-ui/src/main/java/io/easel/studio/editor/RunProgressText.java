package io.easel.studio.editor;

import io.easel.run.FailureCause;
import io.easel.run.NodeState;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.RunView;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;

/**
 * How far a run and its nodes have got, and why a node failed, in the user's words: the overall fraction for the
 * toolbar's bar, "42 % · 1 min 5 s" for a running node, the plain cause of a failure.
 */
final class RunProgressText {

    private RunProgressText() {}

    /**
     * The run's overall progress in [0, 1]: each ended node counts whole, a running node by the share of its Spark
     * tasks done, the others not at all.
     */
    static double overall(RunView run) {
        Collection<NodeRunView> nodes = run.nodes().values();
        if (nodes.isEmpty()) {
            return run.state().isFinal() ? 1 : 0;
        }
        double done = 0;
        for (NodeRunView node : nodes) {
            if (node.state().isFinal()) {
                done += 1;
            } else if (node.state() == NodeState.RUNNING && node.progress() != null) {
                done += node.progress().fraction();
            }
        }
        return done / nodes.size();
    }

    /** How many nodes have ended. */
    static long ended(RunView run) {
        return run.nodes().values().stream().filter(n -> n.state().isFinal()).count();
    }

    /** "42 % · 1 min 5 s" for a running node (the share only once its tasks are known); null for others. */
    static String running(NodeRunView node, Instant now, ValidationMessages.Translator t) {
        if (node == null || node.state() != NodeState.RUNNING || node.startedAt() == null) {
            return null;
        }
        String elapsed = elapsed(Duration.between(node.startedAt(), now), t);
        return node.progress() == null || node.progress().tasksTotal() == 0 ? elapsed
                : t.get("progress.node", Math.round(node.progress().fraction() * 100), elapsed);
    }

    /** How long a node ran, for one that has ended; null for one that never ran. */
    static String took(NodeRunView node, ValidationMessages.Translator t) {
        if (node == null || node.startedAt() == null || node.finishedAt() == null) {
            return null;
        }
        return elapsed(Duration.between(node.startedAt(), node.finishedAt()), t);
    }

    static String elapsed(Duration duration, ValidationMessages.Translator t) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? t.get("time.seconds", seconds)
                : t.get("time.minutes-seconds", seconds / 60, seconds % 60);
    }

    /**
     * The cause of a failure in plain words when Easel knows Spark's or the JVM's message (the raw message is then
     * the detail, shown folded), else the message itself.
     */
    static String plainCause(String message, Locale locale) {
        return FailureCause.explain(message).map(cause -> cause.in(locale)).orElse(message);
    }

    /** Whether {@link #plainCause} says more plainly what the raw message says. */
    static boolean explained(String message) {
        return FailureCause.explain(message).isPresent();
    }
}
