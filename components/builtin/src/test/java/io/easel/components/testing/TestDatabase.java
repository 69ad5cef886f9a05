package io.easel.components.testing;

import io.easel.components.spi.DataAccess;
import io.easel.run.JdbcConnections;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * A real PostgreSQL for the database components, started once per test JVM when a test or an example first needs it
 * (the same embedded server as the server's tests), with a database user of its own and the connection
 * {@value #EXAMPLES} the components' examples name. It holds the iris dataset as table {@code iris}.
 */
public final class TestDatabase {

    /** The connection the catalog's examples name. */
    public static final String EXAMPLES = "examples";
    public static final String USER = "easel_test";
    public static final String PASSWORD = "s3cret-for-tests-only";

    private static EmbeddedPostgres postgres;
    private static DataAccess data;

    private TestDatabase() {}

    /** The test data roots, and the {@value #EXAMPLES} connection to the database. */
    public static synchronized DataAccess dataAccess() {
        if (data == null) {
            data = new DataAccess(NodeContext.TEST_DATA_ROOTS, new JdbcConnections(Map.of(EXAMPLES,
                    new JdbcConnections.JdbcConnection(url(), USER, PASSWORD))));
            seedIris();
        }
        return data;
    }

    /** The database's JDBC URL (no credentials in it). */
    public static synchronized String url() {
        if (postgres == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-postgres").toAbsolutePath());
                postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(dir, "pg-"))
                        .setCleanDataDirectory(true)
                        .setDataDirectoryCustomizer(TestDatabase::passwordsForAllButTheSuperuser).start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
                execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'",
                        "GRANT ALL ON SCHEMA public TO " + USER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres").replaceAll("\\?.*$", "");
    }

    /** The embedded server trusts everyone; the test user must give its password, as a real server wants. */
    private static void passwordsForAllButTheSuperuser(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements as the database's superuser. */
    public static void execute(String... statements) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seedIris() {
        Properties credentials = new Properties();
        credentials.put("user", USER);
        credentials.put("password", PASSWORD);
        TestRun.dataset("iris").rows().write().mode("overwrite").jdbc(url(), "iris", credentials);
    }

    private static void stop() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }
}
