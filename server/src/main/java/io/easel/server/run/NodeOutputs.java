package io.easel.server.run;

import io.easel.run.PortResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jsonb form of a node's results. A record rather than a bare map so the column has one concrete type and
 * Jackson knows the values are {@link PortResult}s.
 */
record NodeOutputs(Map<String, PortResult> ports) {

    NodeOutputs {
        ports = ports == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    static NodeOutputs none() {
        return new NodeOutputs(Map.of());
    }

    NodeOutputs with(String port, PortResult result) {
        Map<String, PortResult> added = new LinkedHashMap<>(ports);
        added.put(port, result);
        return new NodeOutputs(added);
    }
}
