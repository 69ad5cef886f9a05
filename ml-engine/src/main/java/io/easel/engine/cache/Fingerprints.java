package io.easel.engine.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.BoundParams;
import io.easel.component.CanonicalValues;
import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.component.ParamType;
import io.easel.components.spi.DataAccess;
import io.easel.run.ModelLineage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Computes a node's {@link NodeFingerprint} before it runs, and says when its outputs may never be reused: a sink
 * (it runs for what it writes), a database read not marked as a snapshot (a table has no identity to compare), a
 * random component without a seed.
 */
public final class Fingerprints {

    /** The param a random component takes its seed from. */
    static final String SEED_PARAM = "seed";
    /** The param by which a database read says its table does not change, so that later runs may reuse it. */
    public static final String SNAPSHOT_PARAM = "snapshot";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Configuration hadoop;
    private final DataAccess data;

    /** @param data where the run's sources may read: a source's path is resolved as the source resolves it */
    public Fingerprints(Configuration hadoop, DataAccess data) {
        this.hadoop = hadoop;
        this.data = data;
    }

    /**
     * A node's fingerprint, and why its outputs may never be reused (empty when they may).
     *
     * @param files the files a source reads, as listed for its fingerprint (a model's lineage names them); null for a
     *     node that reads none, or whose files could not be listed
     */
    public record Assessment(NodeFingerprint fingerprint, Optional<String> neverReused,
            ModelLineage.SourceData files) {}

    /**
     * @param implementation the class that runs the component (its build is part of the fingerprint)
     * @param inputs what each connected input port reads
     */
    public Assessment assess(ComponentDescriptor component, Class<?> implementation, BoundParams params,
            Map<String, NodeFingerprint.Upstream> inputs) {
        Map<String, Object> values = new TreeMap<>();
        for (ParamDef def : component.params()) {
            values.put(def.name(), canonical(params.raw(def.name())));
        }
        String dataIdentity = null;
        ModelLineage.SourceData files = null;
        Optional<String> neverReused = neverReused(component, params);
        if (neverReused.isEmpty() && readsFiles(component)) {
            try {
                FileListing listing = fileIdentity(component, params);
                dataIdentity = listing.digest();
                files = listing.files();
            } catch (IOException | IllegalArgumentException e) {
                neverReused = Optional.of("its input files cannot be listed (" + e.getMessage() + ")");
            }
        }
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("component", component.id());
        hashed.put("version", component.version());
        String build = CodeBuilds.of(implementation);
        hashed.put("build", build);
        hashed.put("params", values);
        Map<String, String> upstream = new TreeMap<>();
        inputs.forEach((port, from) -> upstream.put(port, from.fingerprint() + "/" + from.port()));
        hashed.put("inputs", upstream);
        hashed.put("data", dataIdentity);
        // Outputs that are never reused may differ from run to run (a database read, a seedless draw): a fingerprint
        // of its own each time makes every node downstream run again too, rather than reuse what came from other data.
        neverReused.ifPresent(why -> hashed.put("unrepeatable", UUID.randomUUID().toString()));
        NodeFingerprint fingerprint = new NodeFingerprint(sha256(json(hashed)), component.id(), component.version(),
                build, values, inputs, dataIdentity);
        return new Assessment(fingerprint, neverReused, files);
    }

    /** Whether a node of this component exists for what it writes, so that it always runs. */
    public static boolean isSink(ComponentDescriptor component) {
        return component.category() == Category.DATA_SINKS || component.outputs().isEmpty()
                || component.params().stream().anyMatch(p -> p.type() == ParamType.OUTPUT_PATH);
    }

    private static Optional<String> neverReused(ComponentDescriptor component, BoundParams params) {
        if (isSink(component)) {
            return Optional.of("a sink always runs");
        }
        boolean readsDatabase = component.params().stream().anyMatch(p -> p.type() == ParamType.CONNECTION);
        boolean snapshot = component.params().stream().anyMatch(p -> p.name().equals(SNAPSHOT_PARAM))
                && Boolean.TRUE.equals(params.raw(SNAPSHOT_PARAM));
        if (readsDatabase && !snapshot) {
            return Optional.of("it reads a database table that is not marked as a snapshot");
        }
        if (component.params().stream().anyMatch(p -> p.name().equals(SEED_PARAM))
                && params.raw(SEED_PARAM) == null) {
            return Optional.of("it is random and has no seed");
        }
        return Optional.empty();
    }

    private static boolean readsFiles(ComponentDescriptor component) {
        return component.params().stream().anyMatch(p -> p.type() == ParamType.PATH);
    }

    /** The files a source reads: their digest (for the fingerprint) and their list (for a model's lineage). */
    private record FileListing(String digest, ModelLineage.SourceData files) {}

    /**
     * A digest of the path, size and modification time of every file the path params match (recursively), and the
     * files themselves in path order, at most {@link ModelLineage#MAX_FILES_PER_SOURCE} of them.
     */
    private FileListing fileIdentity(ComponentDescriptor component, BoundParams params) throws IOException {
        List<String> files = new ArrayList<>();
        List<FileStatus> found = new ArrayList<>();
        for (ParamDef def : component.params()) {
            String path = def.type() == ParamType.PATH ? params.text(def.name()) : null;
            if (path == null) {
                continue;
            }
            Path location = new Path(data.readable(path));
            FileSystem fs = location.getFileSystem(hadoop);
            FileStatus[] matched = fs.globStatus(location);
            if (matched == null || matched.length == 0) {
                files.add(def.name() + " missing " + location);
                continue;
            }
            for (FileStatus status : matched) {
                if (status.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> inside = fs.listFiles(status.getPath(), true);
                    while (inside.hasNext()) {
                        LocatedFileStatus file = inside.next();
                        files.add(def.name() + " " + describe(file));
                        found.add(file);
                    }
                } else {
                    files.add(def.name() + " " + describe(status));
                    found.add(status);
                }
            }
        }
        files.sort(null);
        List<ModelLineage.SourceFile> listed = found.stream()
                .map(f -> new ModelLineage.SourceFile(f.getPath().toString(), f.getLen(), f.getModificationTime()))
                .sorted(Comparator.comparing(ModelLineage.SourceFile::path))
                .limit(ModelLineage.MAX_FILES_PER_SOURCE)
                .toList();
        return new FileListing(sha256(String.join("\n", files)), new ModelLineage.SourceData(listed, found.size()));
    }

    private static String describe(FileStatus file) {
        return file.getPath() + " " + file.getLen() + " " + file.getModificationTime();
    }

    /**
     * A param value in a form whose JSON is the same however it was written: maps sorted by key, numbers without
     * trailing zeros (5 and 5.0 are the same setting), records and other objects as their JSON.
     */
    static Object canonical(Object value) {
        return CanonicalValues.of(value, other -> CANONICAL.convertValue(other, Object.class));
    }

    /** The canonical JSON of a canonical value. */
    static String json(Object canonicalValue) {
        try {
            return CANONICAL.writeValueAsString(canonicalValue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A canonical value did not serialize", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
