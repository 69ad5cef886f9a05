package io.easel.run;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The database connections a run may use, by name: an administrator configures them once on the server
 * ({@code easel.connections.<name>.url|username|password}); nodes name one, never a URL or a password. The server
 * checks at validation that a named connection exists and hands the engine the connections a run uses in the
 * environment variable {@value #ENVIRONMENT_VARIABLE} (JSON of this record), never in its arguments, the experiment or
 * a log: {@link #toString()} and {@link JdbcConnection#toString()} leave the password out.
 *
 * @param connections by name
 */
public record JdbcConnections(Map<String, JdbcConnection> connections) {

    /** The environment variable the engine reads the run's connections from. */
    public static final String ENVIRONMENT_VARIABLE = "EASEL_CONNECTIONS";

    public JdbcConnections {
        connections = connections == null ? Map.of() : Map.copyOf(new TreeMap<>(connections));
    }

    public static JdbcConnections none() {
        return new JdbcConnections(Map.of());
    }

    /** The names, sorted. */
    public Set<String> names() {
        return new TreeMap<>(connections).keySet();
    }

    /**
     * The connection of that name.
     *
     * @throws IllegalArgumentException naming the unknown name and listing the configured ones
     */
    public JdbcConnection named(String name) {
        JdbcConnection connection = connections.get(name);
        if (connection == null) {
            throw new IllegalArgumentException(unknown(name, names()));
        }
        return connection;
    }

    /** Only the connections of these names (those a run uses), unknown names left out. */
    public JdbcConnections only(Set<String> names) {
        Map<String, JdbcConnection> kept = new TreeMap<>(connections);
        kept.keySet().retainAll(names);
        return new JdbcConnections(kept);
    }

    /** The message for a connection name that is not configured. */
    public static String unknown(String name, Set<String> known) {
        return "no connection is named '" + name + "'; " + (known.isEmpty()
                ? "none is configured (easel.connections.<name>.url on the server)"
                : "the configured ones are " + String.join(", ", known));
    }

    @Override
    public String toString() {
        return "JdbcConnections" + names();
    }

    /**
     * One database: where it is and who to sign in as.
     *
     * @param url a JDBC URL ({@code jdbc:postgresql://host:5432/db})
     * @param username null for none
     * @param password null for none; never shown
     */
    public record JdbcConnection(String url, String username, String password) {

        public JdbcConnection {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "JdbcConnection[url=" + url + ", username=" + username + ", password=" + (password == null ? "none"
                    : "(hidden)") + "]";
        }
    }
}
