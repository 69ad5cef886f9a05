package io.easel.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.TableSpec;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphLimits;
import io.easel.graph.GraphValidator;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import io.easel.run.JdbcConnections.JdbcConnection;
import io.easel.server.ServerTest;
import io.easel.server.catalog.CatalogService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A JDBC source's columns before any run, asked of a real PostgreSQL (the test server's embedded one, where a table
 * and a database user of their own are made): a table's and a query's columns in the types a run reads them in, the
 * column pickers downstream filled through validation, the database's reason when it cannot answer, nothing changed in
 * the database whatever the query says, and answers reused for a while.
 */
@ServerTest
class DatabaseSchemasTest {

    private static final String USER = "design_reader";
    private static final String PASSWORD = "reader-password-7";

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    WorkspaceConnections workspaceConnections;

    @Autowired
    CatalogService catalog;

    private final MovableClock clock = new MovableClock();
    private DatabaseSchemas schemas;
    private JdbcConnection examples;

    @BeforeEach
    void aTableAndAReader() throws SQLException {
        superuser("DROP TABLE IF EXISTS design_sales",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN CREATE ROLE "
                        + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$",
                "CREATE TABLE design_sales (id bigint, region text, amount numeric(10, 2), units smallint,"
                        + " sold_on date, paid boolean, rate real)",
                "INSERT INTO design_sales VALUES (1, 'north', 12.50, 3, DATE '2026-11-30', true, 0.5)",
                "GRANT ALL ON design_sales TO " + USER);
        examples = new JdbcConnection(postgres.getJdbcUrl("postgres", "postgres").replaceAll("\\?.*$", ""), USER,
                PASSWORD);
        schemas = new DatabaseSchemas(workspaceConnections, clock);
    }

    @Test
    void shouldTellATablesColumnsInTheTypesARunReadsThemIn() {
        assertThat(schemas.columns("examples", examples, "design_sales", null)).isEqualTo(TableSpec.parse(
                "id:long, region:string, amount:double, units:integer, sold_on:date, paid:boolean, rate:double"));
    }

    @Test
    void shouldTellAQuerysColumnsByTheirLabels() {
        assertThat(schemas.columns("examples", examples, null,
                "SELECT region, sum(amount) AS total, count(*) AS sales FROM design_sales GROUP BY region"))
                .isEqualTo(TableSpec.parse("region:string, total:double, sales:long"));
    }

    @Test
    void shouldFillTheColumnPickersDownstreamThroughValidation() {
        GraphValidator validator = new GraphValidator(catalog.catalog(), null, GraphLimits.DEFAULT, Set.of())
                .forWorkspace(null, Set.of("examples"), (name, table, query) -> schemas.columns(name, examples,
                        table, query));
        ValidationResult validated = validator.validate(salesThenPick("design_sales"));

        assertThat(validated.errors()).isEmpty();
        assertThat(validated.specs().get("sales").get("out")).isEqualTo(TableSpec.parse(
                "id:long, region:string, amount:double, units:integer, sold_on:date, paid:boolean, rate:double"));
        assertThat(validated.specs().get("pick").get("out")).isEqualTo(TableSpec.parse(
                "region:string, amount:double"));

        ValidationResult misnamed = validator.validate(salesThenPick("design_sale"));
        ValidationError error = misnamed.errors().getFirst();
        assertThat(error.code()).isEqualTo(ValidationError.Code.DATABASE_UNREADABLE);
        assertThat(error.nodeId()).isEqualTo("sales");
        assertThat(error.param()).isEqualTo("table");
        assertThat(error.message()).startsWith("Node 'sales' (read-jdbc): param 'table': connection 'examples': ")
                .contains("relation \"design_sale\" does not exist");
    }

    @Test
    void shouldSayWhyTheDatabaseCannotAnswerWithoutThePassword() {
        JdbcConnection wrongUser = new JdbcConnection(examples.url(), "nobody_here", PASSWORD);

        assertThatThrownBy(() -> schemas.columns("examples", wrongUser, "design_sales", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("connection 'examples': ")
                .message().doesNotContain(PASSWORD);
        assertThatThrownBy(() -> schemas.columns("examples", examples, null, "SELECT nope FROM design_sales"))
                .hasMessageContaining("column \"nope\" does not exist");
    }

    @Test
    void shouldChangeNothingInTheDatabaseWhateverTheQuerySays() throws SQLException {
        assertThatThrownBy(() -> schemas.columns("examples", examples, null,
                "SELECT 1) q; DELETE FROM design_sales; SELECT (1"))
                .hasMessageContaining("read-only transaction");
        assertThatThrownBy(() -> schemas.columns("examples", examples, "design_sales; DROP TABLE design_sales; --",
                null)).isInstanceOf(IllegalArgumentException.class);

        try (Connection db = postgres.getPostgresDatabase().getConnection();
                var rows = db.createStatement().executeQuery("SELECT count(*) FROM design_sales")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void shouldReuseAnAnswerForAWhileThenAskAgain() throws SQLException {
        TableSpec before = schemas.columns("examples", examples, "design_sales", null);
        superuser("ALTER TABLE design_sales DROP COLUMN rate");

        clock.move(DatabaseSchemas.KEPT.minusSeconds(1));
        assertThat(schemas.columns("examples", examples, "design_sales", null)).isEqualTo(before);
        clock.move(Duration.ofSeconds(2));
        assertThat(schemas.columns("examples", examples, "design_sales", null).columnNames())
                .doesNotContain("rate").contains("paid");
    }

    /** A JDBC source of {@code table} and a pick of two of its columns downstream. */
    private static ExperimentGraph salesThenPick(String table) {
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                Node.of("sales", "read-jdbc", Map.of("connection", "examples", "table", table)),
                Node.of("pick", "select-columns", Map.of("columns", List.of("region", "amount")))),
                List.of(Edge.of("sales", "out", "pick", "in")));
    }

    private void superuser(String... statements) throws SQLException {
        try (Connection db = postgres.getPostgresDatabase().getConnection();
                Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
