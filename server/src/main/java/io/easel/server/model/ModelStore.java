package io.easel.server.model;

import io.easel.run.ModelStoreLocations;
import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.springframework.stereotype.Component;

/**
 * Where trained models live: a directory reached through the Hadoop FileSystem API, so the same code reads
 * {@code file:} (the default, {@code <easel.data-dir>/models}) and {@code hdfs://} stores, as
 * {@code easel.model-store} says. The engine writes
 * {@code <root>/<runId>/<nodeId>/model.pmml} and {@code model.json}; the server only reads, by the URI the engine
 * reported. On a Kerberos-secured cluster it reads as the server's principal ({@link HadoopAccess}).
 */
@Component
public class ModelStore {

    private final URI root;
    private final HadoopAccess hadoop;

    public ModelStore(EaselProperties easel, HadoopAccess hadoop) {
        this.root = rootUri(easel.modelStoreUri().trim());
        this.hadoop = hadoop;
    }

    /** The store's root, as handed to the engine (e.g. {@code file:/srv/easel/data/models/}). */
    public URI root() {
        return root;
    }

    /** Where the engine writes the PMML of {@code nodeId} in run {@code runId}. */
    public URI pmmlLocation(UUID runId, String nodeId) {
        return root.resolve(runId + "/" + nodeId + "/model.pmml");
    }

    /**
     * The whole file at {@code uri}.
     *
     * @throws ModelStoreException naming the URI when it cannot be read
     */
    public byte[] read(String uri) {
        org.apache.hadoop.fs.Path path;
        try {
            path = new org.apache.hadoop.fs.Path(URI.create(uri));
        } catch (IllegalArgumentException e) {
            throw new ModelStoreException("'" + uri + "' is not a model store URI", e);
        }
        try {
            FileSystem fileSystem = hadoop.fileSystem(path);
            try (InputStream in = fileSystem.open(path)) {
                return in.readAllBytes();
            }
        } catch (IOException | RuntimeException e) {
            String reason = hadoop.kerberosProblem(e).orElse(e.getMessage());
            throw new ModelStoreException("Cannot read " + uri + " from the model store: " + reason, e);
        }
    }

    /**
     * Where {@code location} lies inside the store, as a path relative to its root ({@code <runId>/<nodeId>/model.pmml}),
     * judged as the engine judges it ({@link ModelStoreLocations#pathInStore}): it reads any file of the store, named in
     * any spelling. Empty for a location elsewhere, or one holding {@code ..}, which the engine judges by the data roots.
     */
    public Optional<String> pathInStore(String location) {
        return ModelStoreLocations.pathInStore(root.toString(), location);
    }

    /** The URI of {@code fileName} in the same directory as {@code uri}. */
    public static String sibling(String uri, String fileName) {
        return URI.create(uri).resolve(fileName).toString();
    }

    private static URI rootUri(String configured) {
        URI uri = URI.create(configured);
        if (uri.getScheme() == null) {
            return directoryUri(Path.of(configured));
        }
        return configured.endsWith("/") ? uri : URI.create(configured + "/");
    }

    private static URI directoryUri(Path directory) {
        // Path.toUri ends a directory URI with '/' only if the directory exists; resolve() needs it always.
        String uri = directory.toAbsolutePath().normalize().toUri().toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }
}
