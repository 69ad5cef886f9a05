package io.easel.server.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which of the server's environment variables an engine inherits ({@code easel.engine.environment.pass}): only those
 * a Spark driver needs to find Java, Hadoop and Spark and to authenticate to the cluster as the server's user. Every
 * other variable stays with the server, so secrets configured through the environment (the database password, the
 * first administrator's password, an identity provider's client secret) never reach code an experiment runs.
 *
 * @param pass variable names, or prefixes ending with {@code *}; null for {@link #DEFAULT_PASS}
 */
@ConfigurationProperties("easel.engine.environment")
public record EngineEnvironment(List<String> pass) {

    /** What an engine inherits when {@code easel.engine.environment.pass} is not configured. */
    public static final List<String> DEFAULT_PASS = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_*", "TZ",
            "TMPDIR", "JAVA_HOME", "HADOOP_HOME", "HADOOP_CONF_DIR", "HADOOP_USER_NAME", "HADOOP_TOKEN_FILE_LOCATION",
            "YARN_CONF_DIR", "SPARK_HOME", "SPARK_CONF_DIR", "SPARK_LOCAL_IP", "SPARK_LOCAL_DIRS",
            "SPARK_SCALA_VERSION", "KRB5_CONFIG", "KRB5CCNAME");

    public EngineEnvironment {
        pass = pass == null ? DEFAULT_PASS : List.copyOf(pass);
    }

    public static EngineEnvironment defaults() {
        return new EngineEnvironment(null);
    }

    boolean passes(String name) {
        return pass.stream().anyMatch(p -> p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1))
                : name.equals(p));
    }

    /** Narrows a child process's environment (a copy of the server's) to what passes, then adds the engine's own. */
    void applyTo(Map<String, String> processEnvironment, Map<String, String> engineVariables) {
        processEnvironment.keySet().removeIf(name -> !passes(name));
        processEnvironment.putAll(engineVariables);
    }

    /**
     * For launchers that can only add to the environment a child inherits (Spark's {@code SparkLauncher}): every
     * server variable that does not pass is overridden with an empty value, then the engine's own are added.
     */
    Map<String, String> overriding(Map<String, String> serverEnvironment, Map<String, String> engineVariables) {
        Map<String, String> overrides = new LinkedHashMap<>();
        serverEnvironment.keySet().stream().filter(name -> !passes(name)).forEach(name -> overrides.put(name, ""));
        overrides.putAll(engineVariables);
        return overrides;
    }
}
