package io.easel.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Installs the example plugin jar (components/plugin-example, built before the server; its z-score component) the
 * way an administrator does: copied into the plugins directory, here the default {@code <data-dir>/plugins}. Runs
 * after {@link FreshDataDirectory}, which chooses the data directory.
 */
public final class ExamplePlugin implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The built jar; set by the build (surefire), else looked for beside the server module. */
    public static final String JAR_PROPERTY = "easel.test.plugin-jar";
    public static final String COMPONENT = "z-score";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String dataDir = context.getEnvironment().getRequiredProperty("easel.data-dir");
        install(Path.of(dataDir).resolve("plugins"));
    }

    /** Copies the jar into {@code pluginsDir}; returns the copy. */
    public static Path install(Path pluginsDir) {
        Path jar = builtJar();
        try {
            Files.createDirectories(pluginsDir);
            return Files.copy(jar, pluginsDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path builtJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path target = Path.of("..", "components", "plugin-example", "target").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("easel-plugin-example-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No example plugin jar in " + target
                            + ": build it first (mvn package -pl components/plugin-example -am)"));
        } catch (IOException e) {
            throw new IllegalStateException("The example plugin is not built (" + target + "): run mvn package "
                    + "-pl components/plugin-example -am", e);
        }
    }
}
