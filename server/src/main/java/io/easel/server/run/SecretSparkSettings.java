package io.easel.server.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Hands spark-submit the settings of {@link EngineLaunch#secretSparkSettings()} in a properties file in the run's
 * directory that only the server's user may read ({@code --properties-file}), so that no secret shows in a process
 * listing; {@code --load-spark-defaults} keeps the distribution's {@code conf/spark-defaults.conf} in force beside it.
 */
final class SecretSparkSettings {

    static final String FILE = "spark-secrets.conf";

    private SecretSparkSettings() {}

    /** The spark-submit options that read the launch's secret settings; none when it has none. */
    static List<String> sparkSubmitOptions(EngineLaunch launch) throws IOException {
        return write(launch).map(file -> List.of("--properties-file", file.toString(), "--load-spark-defaults"))
                .orElse(List.of());
    }

    /** Writes the launch's secret settings to {@code <run directory>/spark-secrets.conf}, readable by its owner. */
    static Optional<Path> write(EngineLaunch launch) throws IOException {
        Map<String, String> secrets = launch.secretSparkSettings();
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        Path file = Files.createDirectories(launch.runDirectory()).resolve(FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties properties = new Properties();
        properties.putAll(secrets);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Secret Spark settings of one run; read by spark-submit only");
        }
        return Optional.of(file);
    }
}
