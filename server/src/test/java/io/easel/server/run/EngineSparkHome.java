package io.easel.server.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Configures the stand-in Spark distribution the engine build lays out ({@code ml-engine/target/spark-home}: Spark,
 * Scala and Hadoop jars and a {@code bin/spark-submit} running {@code SparkSubmit} from them) as
 * {@code easel.engine.spark-home}, with the cluster application jar as {@code easel.engine.app-jar}: runs then go
 * through Spark's launcher API to a real driver, exactly as they would with a downloaded distribution.
 */
public final class EngineSparkHome implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path engine = Path.of(System.getProperty("easel.test.engine-home", "../ml-engine/target/engine"))
                .toAbsolutePath().normalize();
        Path sparkHome = engine.resolveSibling("spark-home");
        Path appJar = engine.resolve(SparkAppLauncher.APP_JAR);
        if (!Files.isExecutable(sparkHome.resolve("bin").resolve("spark-submit")) || !Files.isRegularFile(appJar)) {
            throw new IllegalStateException("The engine build's " + sparkHome + " and " + appJar
                    + " are missing: run `mvn package` in ml-engine first");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("engine-spark-home", Map.of(
                "easel.engine.spark-home", sparkHome.toString(),
                "easel.engine.app-jar", appJar.toString())));
    }
}
