package io.easel.engine.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node's outputs are computed from, and their hash: the fingerprint under which they are stored and found
 * again. Two nodes with equal fingerprints compute equal outputs, whatever experiment or run they belong to.
 *
 * @param hash the SHA-256 (hex) of everything else here except the upstream node ids
 * @param component the component id
 * @param version the component's version
 * @param build which build of the component's and the engine's code computes the outputs ({@link CodeBuilds})
 * @param params every declared param as bound (the user's value, else the default), in canonical form
 * @param inputs what each connected input port reads, by port
 * @param data a digest of the identity of the files a source reads (path, size and modification time of each); null
 *     for a node that reads none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeFingerprint(String hash, String component, int version, String build, Map<String, Object> params,
        Map<String, Upstream> inputs, String data) {

    /**
     * One input: the upstream output it reads.
     *
     * @param node the upstream node's id (to name it when it changed; not part of the hash)
     * @param port the upstream output port
     * @param fingerprint the upstream node's fingerprint hash
     */
    public record Upstream(String node, String port, String fingerprint) {}

    public NodeFingerprint {
        params = params == null ? Map.of() : new TreeMap<>(params);
        inputs = inputs == null ? Map.of() : new TreeMap<>(inputs);
    }
}
