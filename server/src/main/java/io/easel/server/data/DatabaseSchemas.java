package io.easel.server.data;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.graph.DatabaseColumns;
import io.easel.run.JdbcConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The columns of the tables and queries database sources read, asked of the database while an experiment is validated,
 * so a JDBC source's columns are known before any run. Only through a connection the workspace may use; in a read-only
 * transaction that is rolled back, with {@code WHERE 1=0} so no row is read, and short timeouts. Answers (and
 * refusals) are kept for {@link #KEPT}, so that validating on every edit asks the database at most that often.
 */
@Component
public class DatabaseSchemas {

    /** How long an answer is reused: a table's columns rarely change while someone edits. */
    static final Duration KEPT = Duration.ofSeconds(30);

    /** Answers kept at most; past that, the old ones go. */
    private static final int MOST_KEPT = 500;

    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int STATEMENT_TIMEOUT_SECONDS = 10;

    private final WorkspaceConnections connections;
    private final Map<Question, Answer> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    DatabaseSchemas(WorkspaceConnections connections) {
        this(connections, Clock.systemUTC());
    }

    DatabaseSchemas(WorkspaceConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /** The columns of tables and queries through the connections the workspace's experiments may use. */
    public DatabaseColumns of(UUID workspaceId) {
        JdbcConnections usable = connections.of(workspaceId);
        return (name, table, query) -> columns(name, usable.named(name), table, query);
    }

    TableSpec columns(String name, JdbcConnections.JdbcConnection connection, String table, String query) {
        Question question = new Question(connection, table, query);
        Instant now = clock.instant();
        Answer answer = recent.get(question);
        if (answer == null || answer.at().plus(KEPT).isBefore(now)) {
            answer = ask(name, connection, table, query, now);
            forgetOld(now);
            recent.put(question, answer);
        }
        if (answer.refusal() != null) {
            throw new IllegalArgumentException(answer.refusal());
        }
        return answer.columns();
    }

    private static Answer ask(String name, JdbcConnections.JdbcConnection connection, String table, String query,
            Instant now) {
        String sql = table != null ? "SELECT * FROM " + table + " WHERE 1=0"
                : "SELECT * FROM (" + query + ") easel_query WHERE 1=0";
        try (Connection db = DriverManager.getConnection(connection.url(), properties(connection))) {
            // Nothing the text says can change the database: a read-only transaction, rolled back.
            db.setReadOnly(true);
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
                statement.setMaxRows(1);
                try (ResultSet none = statement.executeQuery(sql)) {
                    return new Answer(columnsOf(none.getMetaData()), null, now);
                }
            } finally {
                db.rollback();
            }
        } catch (SQLException | IllegalArgumentException e) {
            String reason = String.valueOf(e.getMessage());
            if (connection.password() != null && !connection.password().isEmpty()) {
                reason = reason.replace(connection.password(), "(password)");
            }
            return new Answer(null, "connection '" + name + "': " + reason, now);
        }
    }

    private static Properties properties(JdbcConnections.JdbcConnection connection) {
        Properties properties = new Properties();
        if (connection.username() != null) {
            properties.setProperty("user", connection.username());
        }
        if (connection.password() != null) {
            properties.setProperty("password", connection.password());
        }
        // PostgreSQL's driver: give up on an unreachable database soon, and on a stalled answer.
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(STATEMENT_TIMEOUT_SECONDS + 5));
        return properties;
    }

    /** Each column in the Easel type the engine's JDBC read gives it (Spark's mapping, then the nearest Easel type). */
    private static TableSpec columnsOf(ResultSetMetaData meta) throws SQLException {
        List<ColumnSpec> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i);
            String databaseType = meta.getColumnTypeName(i);
            DataType type = easelType(meta.getColumnType(i), databaseType, meta.getPrecision(i)).orElseThrow(() ->
                    new IllegalArgumentException("column '" + column + "' has database type " + databaseType
                            + ", which Easel cannot represent; leave it out or convert it in a query"));
            columns.add(ColumnSpec.of(column, type));
        }
        return new TableSpec(columns);
    }

    static Optional<DataType> easelType(int sqlType, String databaseType, int precision) {
        return Optional.ofNullable(switch (sqlType) {
            case Types.BOOLEAN -> DataType.BOOLEAN;
            // PostgreSQL reports its boolean as BIT; a bit string longer than 1 is binary to Spark
            case Types.BIT -> "bool".equalsIgnoreCase(databaseType) || precision <= 1 ? DataType.BOOLEAN : null;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> DataType.INTEGER;
            case Types.BIGINT -> DataType.LONG;
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> DataType.DOUBLE;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB, Types.SQLXML -> DataType.STRING;
            // PostgreSQL's json, jsonb, uuid, inet …: text to Spark's PostgreSQL dialect
            case Types.OTHER -> DataType.STRING;
            case Types.DATE -> DataType.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                    DataType.TIMESTAMP;
            default -> null;
        });
    }

    private void forgetOld(Instant now) {
        if (recent.size() >= MOST_KEPT) {
            recent.values().removeIf(a -> a.at().plus(KEPT).isBefore(now));
            if (recent.size() >= MOST_KEPT) {
                recent.clear();
            }
        }
    }

    /** The connection itself (not its name) is part of the question: a changed setting asks again. */
    private record Question(JdbcConnections.JdbcConnection connection, String table, String query) {}

    private record Answer(TableSpec columns, String refusal, Instant at) {}
}
