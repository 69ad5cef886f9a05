package io.easel.run;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a model file lies inside the model store, judged alike by the engine (which may read any file there) and by
 * the server (which allows a run only its own workspace's models there): a location may be spelled in several ways
 * ({@code file:/x}, Hadoop's; {@code file:///x}, Java's; a plain path), so each is first brought to one spelling, and
 * then a prefix test decides.
 */
public final class ModelStoreLocations {

    private ModelStoreLocations() {}

    /**
     * One spelling per location: a plain path becomes an absolute {@code file:///} URI, and {@code file:/x} and
     * {@code file:///x} become one; other URIs are normalised as URIs.
     *
     * @throws IllegalArgumentException for a location that is no URI or path
     */
    public static URI normalise(String location) {
        URI uri = URI.create(location.trim()).normalize();
        if (uri.getScheme() == null) {
            return Path.of(location.trim()).toAbsolutePath().normalize().toUri();
        }
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri).toUri();
        }
        return uri;
    }

    /**
     * Where {@code location} lies inside the store at {@code root}, as a path relative to it (e.g.
     * {@code <runId>/<nodeId>/model.pmml}); empty for a location elsewhere, one that is no URI, or one holding
     * {@code ..} (judged as a data-root path instead).
     */
    public static Optional<String> pathInStore(String root, String location) {
        if (location.contains("..")) {
            return Optional.empty();
        }
        try {
            String file = normalise(location).toString();
            String rootPrefix = normalise(root).toString().replaceFirst("/$", "") + "/";
            return file.startsWith(rootPrefix) ? Optional.of(file.substring(rootPrefix.length())) : Optional.empty();
        } catch (IllegalArgumentException | FileSystemNotFoundException notALocation) {
            return Optional.empty();
        }
    }
}
