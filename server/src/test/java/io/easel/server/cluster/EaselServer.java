package io.easel.server.cluster;

import io.easel.server.Api;
import io.easel.server.EaselServerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One whole Easel server (embedded PostgreSQL, REST API, engine launcher) on a random port, in its own data directory
 * under {@code target/test-data}, configured by {@code easel.*} settings given as command-line arguments (so they win
 * over every other source). Several can run side by side in one JVM: a server for the cluster and one for local
 * mode.
 */
final class EaselServer implements AutoCloseable {

    static final String ENGINE_HOME_PROPERTY = "easel.test.engine-home";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final Api api;

    private EaselServer(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.api = Api.asAdmin(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    static EaselServer start(Map<String, String> settings) {
        Path dataDir;
        try {
            dataDir = Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("easel.data-dir", dataDir.toString());
        String engineHome = System.getProperty(ENGINE_HOME_PROPERTY);
        if (engineHome != null) {
            all.put("easel.engine.home", engineHome);
        }
        all.putAll(settings);
        List<String> arguments = new ArrayList<>();
        all.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EaselServerApplication.class)
                .run(arguments.toArray(String[]::new));
        return new EaselServer(context, dataDir);
    }

    Api api() {
        return api;
    }

    /** The engine's (driver's) output for a run, kept by the server beside the run's files. */
    Path engineLog(String runId) {
        return dataDir.resolve("runs").resolve(runId).resolve("engine.log");
    }

    @Override
    public void close() {
        context.close(); // stops any engine still running, then the embedded PostgreSQL
    }
}
