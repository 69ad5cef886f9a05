package io.easel.server.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A minimal Spark distribution built from the engine's own jars (the layout of a real one: {@code jars/} and
 * {@code bin/spark-submit}, which runs {@code SparkSubmit} from them), configured as {@code easel.engine.spark-home}
 * with the engine jar as {@code easel.engine.app-jar}: runs then go through Spark's launcher API to a real driver.
 */
public final class EngineSparkHome implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path engine = Path.of(System.getProperty("easel.test.engine-home", "../ml-engine/target/engine"))
                .toAbsolutePath().normalize();
        try {
            Path home = Files.createDirectories(Path.of("target", "test-data", "spark-home-" + UUID.randomUUID()))
                    .toAbsolutePath();
            Path jars = Files.createDirectories(home.resolve("jars"));
            try (Stream<Path> libs = Files.list(engine.resolve("lib"))) {
                for (Path lib : libs.toList()) {
                    Files.createSymbolicLink(jars.resolve(lib.getFileName()), lib);
                }
            }
            Path script = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
            Files.writeString(script, """
                    #!/bin/sh
                    home="$(cd "$(dirname "$0")/.." && pwd)"
                    exec "$JAVA_HOME/bin/java" %s -Xmx1g -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
                    """.formatted(String.join(" ", SparkJvmFlags.FLAGS)));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("engine-spark-home", Map.of(
                    "easel.engine.spark-home", home.toString(),
                    "easel.engine.app-jar", engine.resolve(SparkDriverLauncher.ENGINE_JAR).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
