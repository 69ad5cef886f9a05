package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code mvn package} puts the cluster app jar and the stand-in Spark distribution (the ITs run after it). */
final class SparkHome {

    private SparkHome() {}

    static Path directory() {
        return Path.of(System.getProperty("easel.spark.home", "target/spark-home")).toAbsolutePath();
    }

    static Path jars() {
        return checked(directory().resolve("jars"));
    }

    static Path sparkSubmit() {
        Path script = checked(directory().resolve("bin/spark-submit"));
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        return script;
    }

    static Path engineDirectory() {
        return Path.of(System.getProperty("easel.engine.dir", "target/engine")).toAbsolutePath();
    }

    static Path appJar() {
        return checked(engineDirectory().resolve("easel-ml-engine-app.jar"));
    }

    private static Path checked(Path path) {
        assertThat(path).as("laid out by mvn package").exists();
        return path;
    }
}
