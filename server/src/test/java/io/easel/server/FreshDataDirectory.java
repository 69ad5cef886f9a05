package io.easel.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own {@code easel.data-dir} (database, runs, models) under
 * {@code target/test-data}, so contexts never share an embedded PostgreSQL and no run sees another's data.
 */
public final class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()))
                    .toAbsolutePath();
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("fresh-data-directory", Map.of("easel.data-dir", dir.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
