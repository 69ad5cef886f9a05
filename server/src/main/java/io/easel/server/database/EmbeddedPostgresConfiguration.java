package io.easel.server.database;

import com.zaxxer.hikari.HikariDataSource;
import io.easel.server.settings.EaselProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL that the server starts itself, its data kept in
 * {@code <easel.data-dir>/postgres} across restarts. Setting {@code spring.datasource.url} switches this off, and
 * Boot's own DataSource then connects to that external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EaselProperties easel) {
        Path dataDir = easel.dataDir().resolve("postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            OrphanedPostgres.stopIfAny(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Spring stops it, after everything that still writes to it; a JVM shutdown hook of its own
                    // would race with that (and an orphan of a killed server is stopped at the next start).
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + " (set spring.datasource.url to use an external PostgreSQL)", e);
        }
    }

    /** Sized like an external database's pool, by the same {@code spring.datasource.hikari.*} settings. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("easel-embedded");
        return dataSource;
    }
}
