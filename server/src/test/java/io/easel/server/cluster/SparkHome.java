package io.easel.server.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Spark distribution of the test: the cluster's master and workers run from its {@code jars/} (workers also give
 * their executors that classpath), and the server submits runs through its {@code bin/spark-submit}. It holds Spark,
 * Scala and Hadoop only, as a real cluster would; the engine's own classes reach the executors in the application
 * jar. The system property {@code easel.test.spark-home}, else the one the engine build lays out
 * ({@code ml-engine/target/spark-home}).
 */
record SparkHome(Path path) {

    static final String PROPERTY = "easel.test.spark-home";
    private static final Path BUILT = Path.of("..", "ml-engine", "target", "spark-home");

    static SparkHome locate() {
        String configured = System.getProperty(PROPERTY);
        Path home = (configured == null || configured.isBlank() ? BUILT : Path.of(configured))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("jars")) || !Files.isRegularFile(home.resolve("bin/spark-submit"))) {
            throw new IllegalStateException("No Spark home at " + home + " (it needs jars/ and bin/spark-submit): "
                    + "build the engine (mvn -pl ml-engine -am package -DskipTests) or set " + PROPERTY);
        }
        return new SparkHome(home);
    }

    Path jars() {
        return path.resolve("jars");
    }
}
