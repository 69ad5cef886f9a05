package io.easel.engine.cache;

import io.easel.graph.PortRef;
import io.easel.run.NodeChanges;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
        NodeChanges changes = new NodeChanges();
        if (!changes.component(previous.component(), current.component(), previous.version(), current.version())
                && !Objects.equals(previous.build(), current.build())) {
            changes.add("Easel or the component's plugin was upgraded");
        }
        if (!Objects.equals(previous.data(), current.data())) {
            changes.add("input file changed");
        }
        changes.params(previous.params(), current.params(), RerunReasons::shown);
        changes.inputs(sources(previous), sources(current), port -> !previous.inputs().get(port).fingerprint()
                .equals(current.inputs().get(port).fingerprint()));
        return changes.toString();
    }

    private static Map<String, PortRef> sources(NodeFingerprint fingerprint) {
        Map<String, PortRef> sources = new TreeMap<>();
        fingerprint.inputs().forEach((port, upstream) -> sources.put(port, new PortRef(upstream.node(),
                upstream.port())));
        return sources;
    }

    private static String shown(Object value) {
        Object canonical = Fingerprints.canonical(value);
        return canonical == null ? "unset"
                : canonical instanceof String s ? s : Fingerprints.json(canonical);
    }
}
