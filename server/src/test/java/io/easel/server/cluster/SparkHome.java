package io.easel.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Spark installation the test cluster's master and workers run from: a directory whose {@code jars/} holds Spark,
 * Scala and Hadoop (workers also build their executors' classpath from it).
 *
 * <p>In order: the system property {@code easel.test.spark-home}; {@code ml-engine/target/spark-home} when the build
 * laid one out; otherwise a stand-in made in a temporary directory whose {@code jars/} links every jar of the
 * engine's {@code lib/} — more than a real Spark distribution holds (the components and JPMML jars too), so with the
 * stand-in executors find the engine's dependencies on their own classpath.
 */
record SparkHome(Path path, boolean standIn) {

    static final String PROPERTY = "easel.test.spark-home";
    private static final Path BUILT = Path.of("..", "ml-engine", "target", "spark-home");

    static SparkHome locate(Path engineHome, Path scratch) {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new SparkHome(requireJars(Path.of(configured)), false);
        }
        if (Files.isDirectory(BUILT.resolve("jars"))) {
            return new SparkHome(requireJars(BUILT), false);
        }
        return standIn(engineHome, scratch);
    }

    Path jars() {
        return path.resolve("jars");
    }

    /** The jars of the engine's {@code lib/} this Spark home lacks (none for the stand-in, which links them all). */
    List<Path> missing(Path engineHome) {
        try (Stream<Path> lib = Files.list(engineHome.resolve("lib"))) {
            return lib.filter(jar -> jar.toString().endsWith(".jar"))
                    .filter(jar -> !Files.exists(jars().resolve(jar.getFileName())))
                    .map(jar -> jar.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + engineHome.resolve("lib"), e);
        }
    }

    private static SparkHome standIn(Path engineHome, Path scratch) {
        Path lib = engineHome.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("No Spark home for the test cluster: " + PROPERTY + " is not set, "
                    + BUILT.toAbsolutePath().normalize() + " does not exist and neither does " + lib
                    + " to make a stand-in from (build it: mvn -pl ml-engine -am package -DskipTests)");
        }
        try {
            Path home = Files.createDirectories(scratch.resolve("spark-home"));
            Path jars = Files.createDirectories(home.resolve("jars"));
            try (Stream<Path> files = Files.list(lib)) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
            return new SparkHome(home, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out a stand-in Spark home under " + scratch, e);
        }
    }

    private static Path requireJars(Path home) {
        Path absolute = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute.resolve("jars"))) {
            throw new IllegalStateException("Spark home " + absolute + " has no jars/ directory");
        }
        return absolute;
    }
}
