package io.easel.engine.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Why a node ran again although an earlier run of the same experiment had it: what differs between that run's
 * fingerprint of the node and this one's, said as a user would ("param maxDepth changed (5 → 7)", "upstream node
 * split changed", "input file changed").
 */
public final class RerunReasons {

    public static final String FORCED = "forced";

    private RerunReasons() {}

    /** What changed, as clauses joined by "; "; empty when nothing the fingerprint holds did. */
    public static String changes(NodeFingerprint previous, NodeFingerprint current) {
        List<String> reasons = new ArrayList<>();
        if (!Objects.equals(previous.component(), current.component())) {
            reasons.add("component changed (" + previous.component() + " → " + current.component() + ")");
        } else if (previous.version() != current.version()) {
            reasons.add("component version changed (" + previous.version() + " → " + current.version() + ")");
        } else if (!Objects.equals(previous.build(), current.build())) {
            reasons.add("Easel or the component's plugin was upgraded");
        }
        if (!Objects.equals(previous.data(), current.data())) {
            reasons.add("input file changed");
        }
        for (String name : new TreeSet<>(union(previous.params(), current.params()))) {
            String before = shown(previous.params().get(name));
            String after = shown(current.params().get(name));
            if (!before.equals(after)) {
                reasons.add("param " + name + " changed (" + before + " → " + after + ")");
            }
        }
        for (String port : new TreeSet<>(union(previous.inputs(), current.inputs()))) {
            NodeFingerprint.Upstream before = previous.inputs().get(port);
            NodeFingerprint.Upstream after = current.inputs().get(port);
            if (before == null || after == null) {
                reasons.add("input '" + port + "' " + (after == null ? "disconnected" : "connected"));
            } else if (!before.node().equals(after.node()) || !before.port().equals(after.port())) {
                reasons.add("input '" + port + "' now comes from node " + after.node());
            } else if (!before.fingerprint().equals(after.fingerprint())) {
                reasons.add("upstream node " + after.node() + " changed");
            }
        }
        return String.join("; ", reasons);
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String shown(Object value) {
        Object canonical = Fingerprints.canonical(value);
        return canonical == null ? "unset"
                : canonical instanceof String s ? s : Fingerprints.json(canonical);
    }
}
