package io.easel.engine.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * Which build of the code computes a node's outputs: a digest of the jar a class comes from (its contents), or of the
 * class files of a directory (their names, sizes and modification times). Part of every fingerprint, so that after an
 * Easel upgrade or a new plugin jar, outputs the old code computed are not reused even where a component's declared
 * version stayed the same. Computed once per location and JVM.
 */
final class CodeBuilds {

    private static final ConcurrentMap<URL, String> BY_LOCATION = new ConcurrentHashMap<>();

    private CodeBuilds() {}

    /** The build of the code of {@code component} and of the engine that runs it. */
    static String of(Class<?> component) {
        String own = digestOf(component);
        String engine = digestOf(CodeBuilds.class);
        return own.equals(engine) ? own : Fingerprints.sha256(own + "/" + engine);
    }

    private static String digestOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown:" + type.getName();
        }
        return BY_LOCATION.computeIfAbsent(source.getLocation(), CodeBuilds::digest);
    }

    private static String digest(URL location) {
        try {
            Path path = Path.of(location.toURI());
            return Files.isDirectory(path) ? directoryDigest(path) : fileDigest(path);
        } catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException e) {
            // Unknown code must never match what other code stored: a fresh value each JVM.
            return "unreadable:" + UUID.randomUUID();
        }
    }

    private static String fileDigest(Path jar) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String directoryDigest(Path classes) throws IOException {
        StringBuilder listing = new StringBuilder();
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path file : sorted) {
                listing.append(classes.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        }
        return Fingerprints.sha256(listing.toString());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
