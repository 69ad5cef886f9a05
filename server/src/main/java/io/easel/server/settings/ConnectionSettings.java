package io.easel.server.settings;

import io.easel.run.JdbcConnections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database connections nodes may name ({@code easel.connections.<name>.url|username|password}), configured once
 * by an administrator: nodes carry the name only, validation refuses a name that is not here, and engines get the
 * connections in their environment, never in their arguments, the experiment or a log.
 *
 * @param connections by name
 * @param connectionUrlPrefixes the JDBC URLs a connection may have, by prefix; null for {@code jdbc:postgresql:}
 *     only (the driver the engine ships)
 */
@ConfigurationProperties("easel")
public record ConnectionSettings(Map<String, Connection> connections, List<String> connectionUrlPrefixes) {

    static final List<String> DEFAULT_URL_PREFIXES = List.of("jdbc:postgresql:");

    /**
     * @param url the JDBC URL, without credentials
     * @param username who to sign in as
     * @param password the password; never shown
     * @param workspaces the slugs of the workspaces whose experiments may use it; empty or unset: every workspace's
     */
    public record Connection(String url, String username, String password, List<String> workspaces) {
        @Override
        public String toString() {
            return "Connection[url=" + url + ", username=" + username + "]";
        }
    }

    /** The workspaces (slugs) each connection is limited to, by name; a connection every workspace may use is absent. */
    public Map<String, Set<String>> workspaceLimits() {
        Map<String, Set<String>> limits = new TreeMap<>();
        (connections == null ? Map.<String, Connection>of() : connections).forEach((name, connection) -> {
            if (connection != null && connection.workspaces() != null && !connection.workspaces().isEmpty()) {
                limits.put(name, connection.workspaces().stream().map(String::strip).collect(Collectors.toSet()));
            }
        });
        return limits;
    }

    /**
     * The connections, checked.
     *
     * @throws IllegalArgumentException naming a connection without a URL or with a URL of a kind not allowed
     */
    public JdbcConnections jdbcConnections() {
        List<String> prefixes = connectionUrlPrefixes == null || connectionUrlPrefixes.isEmpty()
                ? DEFAULT_URL_PREFIXES : connectionUrlPrefixes;
        Map<String, JdbcConnections.JdbcConnection> checked = new TreeMap<>();
        (connections == null ? Map.<String, Connection>of() : connections).forEach((name, connection) -> {
            String url = connection == null || connection.url() == null ? "" : connection.url().strip();
            if (url.isEmpty()) {
                throw new IllegalArgumentException("easel.connections." + name + ".url is not set");
            }
            if (prefixes.stream().noneMatch(url::startsWith)) {
                throw new IllegalArgumentException("easel.connections." + name + ".url must start with one of "
                        + prefixes + " (easel.connection-url-prefixes)");
            }
            checked.put(name, new JdbcConnections.JdbcConnection(url, connection.username(), connection.password()));
        });
        return new JdbcConnections(checked);
    }
}
