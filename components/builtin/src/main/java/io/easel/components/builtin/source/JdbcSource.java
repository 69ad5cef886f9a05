package io.easel.components.builtin.source;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.run.JdbcConnections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the database components share: the connection param (a name the server is configured with, never a URL or a
 * password), the options Spark's JDBC source and sink take from it, and failures turned into messages that name the
 * component and the connection and never hold the password.
 *
 * @param componentId the component's id, which starts every message
 */
public record JdbcSource(String componentId) {

    /** The driver shipped with the engine; other databases need theirs on the engine's class path. */
    private static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

    public static Param<String> connectionParam() {
        return Param.connection("connection", Text.of("Connection", "数据库连接"))
                .description(Text.of("The name of a database connection the administrator configured on the server "
                                + "(easel.connections.<name>); its address and password stay on the server.",
                        "管理员在服务器上配置的数据库连接名称（easel.connections.<名称>）；地址和密码只保存在服务器上。"))
                .required();
    }

    /** Spark's JDBC options for the connection a node names. */
    public Map<String, String> options(ExecutionContext ctx, Param<String> connectionParam) {
        String name = ctx.param(connectionParam).strip();
        JdbcConnections.JdbcConnection connection;
        try {
            connection = ctx.data().connection(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(componentId + ": param '" + connectionParam.name() + "': "
                    + unknown.getMessage(), unknown);
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("url", connection.url());
        if (connection.url().startsWith("jdbc:postgresql:")) {
            options.put("driver", POSTGRESQL_DRIVER);
        }
        if (connection.username() != null) {
            options.put("user", connection.username());
        }
        if (connection.password() != null) {
            options.put("password", connection.password());
        }
        return options;
    }

    /**
     * Runs {@code work} against the connection the node names, turning a failure (the database refused the sign-in,
     * a table is missing) into a message for the node, with the password taken out should the driver have quoted it.
     */
    public <T> T using(ExecutionContext ctx, Param<String> connectionParam, Supplier<T> work) {
        try {
            return work.get();
        } catch (Exception e) {
            if (e instanceof IllegalArgumentException own && String.valueOf(own.getMessage()).startsWith(componentId)) {
                throw own;
            }
            String name = ctx.param(connectionParam).strip();
            String password = ctx.data().connection(name).password();
            String reason = String.valueOf(rootCause(e).getMessage());
            if (password != null && !password.isEmpty()) {
                reason = reason.replace(password, "(password)");
            }
            throw new IllegalArgumentException(componentId + ": connection '" + name + "': " + reason);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
