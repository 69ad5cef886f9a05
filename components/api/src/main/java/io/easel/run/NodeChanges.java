package io.easel.run;

import io.easel.graph.PortRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What changed about a node between two versions of its definition, said as a user would ("param maxDepth changed",
 * "upstream node split changed"). The engine says it of a node that ran again, the server of a node that is stale:
 * both word it here, so the two never disagree.
 */
public final class NodeChanges {

    private final List<String> clauses = new ArrayList<>();

    /** @return whether the component or its version differs (a clause then says which) */
    public boolean component(String before, String after, int versionBefore, int versionAfter) {
        if (!Objects.equals(before, after)) {
            clauses.add("component changed (" + before + " → " + after + ")");
        } else if (versionBefore != versionAfter) {
            clauses.add("component version changed (" + versionBefore + " → " + versionAfter + ")");
        } else {
            return false;
        }
        return true;
    }

    /** A clause of what only the caller can tell (an upgraded build, a changed input file). */
    public void add(String clause) {
        clauses.add(clause);
    }

    /**
     * A clause per param whose value differs, by name.
     *
     * @param shown a value as the clause shows it ("3 → 6"), and as it is compared; null to name the param only and
     *     compare the values themselves
     */
    public void params(Map<String, ?> before, Map<String, ?> after, Function<Object, String> shown) {
        for (String name : new TreeSet<>(union(before, after))) {
            Object was = before.get(name);
            Object is = after.get(name);
            if (shown == null) {
                if (!Objects.equals(was, is)) {
                    clauses.add("param " + name + " changed");
                }
            } else if (!shown.apply(was).equals(shown.apply(is))) {
                clauses.add("param " + name + " changed (" + shown.apply(was) + " → " + shown.apply(is) + ")");
            }
        }
    }

    /**
     * A clause per input port connected, disconnected, fed from elsewhere, or fed from the same output of an
     * upstream node that itself changed.
     *
     * @param upstreamChanged whether what feeds this port (connected to the same output before and after) changed
     */
    public void inputs(Map<String, PortRef> before, Map<String, PortRef> after, Predicate<String> upstreamChanged) {
        for (String port : new TreeSet<>(union(before, after))) {
            PortRef was = before.get(port);
            PortRef is = after.get(port);
            if (was == null || is == null) {
                clauses.add("input '" + port + "' " + (is == null ? "disconnected" : "connected"));
            } else if (!was.equals(is)) {
                clauses.add("input '" + port + "' now comes from node " + is.node());
            } else if (upstreamChanged.test(port)) {
                clauses.add("upstream node " + is.node() + " changed");
            }
        }
    }

    /** The clauses joined by "; "; empty when nothing changed. */
    @Override
    public String toString() {
        return String.join("; ", clauses);
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
