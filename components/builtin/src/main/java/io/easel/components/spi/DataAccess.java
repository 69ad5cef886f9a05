package io.easel.components.spi;

import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import io.easel.run.ModelStoreLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a running component may read and write data: database connections by name, and files under the run's {@link DataRoots} only (writes not
 * under the bundled samples). A path is first judged by its text ({@link DataRoots#resolve},
 * {@link DataRoots#resolveWritable}); a local path is then also followed through the file system, so that a symbolic
 * link under a root cannot lead a read or a write outside it (the link itself, a directory on the way, or a file a
 * pattern or directory read would pick up, or an overwrite replace), nor into another workspace's uploads.
 */
public final class DataAccess {

    /** Entries looked at under a directory or pattern before the read is refused as too large to check. */
    private static final int MAX_ENTRIES_CHECKED = 100_000;

    private final DataRoots roots;
    private final JdbcConnections connections;
    /** The model store's root as a normalised URI ending in '/', or null when the run names none. */
    private final URI modelStore;

    /** No database connections. */
    public DataAccess(DataRoots roots) {
        this(roots, JdbcConnections.none());
    }

    /** @param connections the database connections the run may use, by name (the server's, never the experiment's) */
    public DataAccess(DataRoots roots, JdbcConnections connections) {
        this(roots, connections, null);
    }

    private DataAccess(DataRoots roots, JdbcConnections connections, URI modelStore) {
        this.roots = roots;
        this.connections = connections;
        this.modelStore = modelStore;
    }

    /**
     * The same access, plus reading trained models from the model store at {@code root} (the run's
     * {@code --model-store}: a Hadoop file system URI, or a plain local path).
     */
    public DataAccess withModelStore(String root) {
        URI normalised = ModelStoreLocations.normalise(root);
        String text = normalised.toString();
        return new DataAccess(roots, connections, URI.create(text.endsWith("/") ? text : text + "/"));
    }

    /**
     * The location to hand to Spark to read a model file: a file in the run's model store (where registered model
     * versions live, e.g. a version's PMML location), else a file under the data roots as {@link #readable} allows.
     *
     * @throws IllegalArgumentException saying why the location may not be read
     */
    public String readableModel(String location) {
        if (modelStore != null && ModelStoreLocations.pathInStore(modelStore.toString(), location).isPresent()) {
            return ModelStoreLocations.normalise(location).toString();
        }
        return readable(location);
    }

    public JdbcConnections connections() {
        return connections;
    }

    /**
     * The database connection of that name.
     *
     * @throws IllegalArgumentException naming the unknown name and listing the run's connections
     */
    public JdbcConnections.JdbcConnection connection(String name) {
        return connections.named(name);
    }

    public DataRoots roots() {
        return roots;
    }

    /**
     * The location to hand to Spark for {@code path}, normalised.
     *
     * @throws IllegalArgumentException saying why the path may not be read
     */
    public String readable(String path) {
        DataRoots.Location location = roots.resolve(path);
        if (location.isLocal()) {
            new LocalCheck(path, Path.of(roots.rootOf(location).path()), location, UploadsFence.of(roots)).run();
        }
        return location.uri();
    }

    /**
     * The location to hand to Spark to write {@code path} to, normalised.
     *
     * @throws IllegalArgumentException saying why the path may not be written
     */
    public String writable(String path) {
        DataRoots.Location location = roots.resolveWritable(path);
        if (location.isLocal()) {
            new LocalCheck(path, Path.of(roots.rootOf(location).path()), location, UploadsFence.of(roots))
                    .runForWrite();
        }
        return location.uri();
    }

    /**
     * Where a link must not lead: the uploads area as the file system resolves it, except the run's own uploads.
     *
     * @param area the real uploads area, or null when there is none (or it does not exist)
     * @param own the real directory of the run's own uploads, or null
     */
    private record UploadsFence(Path area, Path own) {

        static UploadsFence of(DataRoots roots) {
            if (roots.uploadsArea() == null || !roots.uploadsArea().isLocal()) {
                return new UploadsFence(null, null);
            }
            return new UploadsFence(LocalCheck.real(Path.of(roots.uploadsArea().path())).orElse(null),
                    roots.uploads() == null ? null : LocalCheck.real(Path.of(roots.uploads().path())).orElse(null));
        }

        boolean refuses(Path target) {
            return area != null && target.startsWith(area) && (own == null || !target.startsWith(own));
        }
    }

    /** Follows a local location through the file system, refusing whatever leads out of its root. */
    private record LocalCheck(String path, Path root, DataRoots.Location location, UploadsFence fence) {

        void run() {
            Optional<Path> realRoot = real(root);
            if (realRoot.isEmpty()) {
                return; // nothing under a root that does not exist; the read fails as "not found"
            }
            List<String> segments = location.segments();
            int fixed = 0;
            while (fixed < segments.size() && !isPattern(segments.get(fixed))) {
                fixed++;
            }
            Path prefix = Path.of("/" + String.join("/", segments.subList(0, fixed)));
            Optional<Path> realPrefix = real(prefix);
            if (realPrefix.isEmpty()) {
                return; // does not exist: Spark says so
            }
            inside(prefix, realPrefix.get(), realRoot.get());
            if (fixed < segments.size() || Files.isDirectory(prefix)) {
                checkTree(prefix, realRoot.get());
            }
        }

        /**
         * The nearest part of the path that exists (the target itself, else the directory a write would create it
         * in) must really be under the root; an existing directory, which an overwrite replaces, must hold no link
         * out of it either.
         */
        void runForWrite() {
            Optional<Path> realRoot = real(root);
            if (realRoot.isEmpty()) {
                return; // the root does not exist yet: Spark creates it, with nothing in it that could be a link
            }
            Path target = Path.of(location.path());
            Path existing = target;
            while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            Path found = existing;
            Path realExisting = real(existing).orElseThrow(() -> new IllegalArgumentException("'" + path
                    + "' leads through a link to nowhere: " + found));
            inside(existing, realExisting, realRoot.get());
            if (existing.equals(target) && Files.isDirectory(target)) {
                checkTree(target, realRoot.get());
            }
        }

        /**
         * A pattern or a directory read may pick up any entry below where it starts (Spark reads partition
         * directories too): every link there must stay under the root.
         */
        private void checkTree(Path start, Path realRoot) {
            try (Stream<Path> entries = Files.walk(start)) {
                Iterator<Path> walk = entries.iterator();
                int seen = 0;
                while (walk.hasNext()) {
                    Path entry = walk.next();
                    if (++seen > MAX_ENTRIES_CHECKED) {
                        throw new IllegalArgumentException("'" + path + "' spans more than " + MAX_ENTRIES_CHECKED
                                + " files and directories; name a smaller directory");
                    }
                    if (Files.isSymbolicLink(entry)) {
                        real(entry).ifPresent(target -> inside(entry, target, realRoot));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("'" + path + "' could not be checked: " + e.getMessage(), e);
            }
        }

        private void inside(Path entry, Path target, Path realRoot) {
            if (!target.startsWith(realRoot)) {
                throw new IllegalArgumentException("'" + path + "' leads outside the data roots: " + entry
                        + " resolves to " + target);
            }
            if (fence.refuses(target)) {
                throw new IllegalArgumentException("'" + path + "' leads into another workspace's uploads: " + entry
                        + " resolves to " + target);
            }
        }

        private static Optional<Path> real(Path path) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            try {
                return Optional.of(path.toRealPath());
            } catch (IOException dangling) {
                return Optional.empty();
            }
        }

        private static boolean isPattern(String segment) {
            return segment.contains("*") || segment.contains("?");
        }
    }
}
