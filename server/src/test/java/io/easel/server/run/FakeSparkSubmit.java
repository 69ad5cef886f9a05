package io.easel.server.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Configures {@code easel.engine.spark-submit} as a shell script (and an engine home holding an empty jar): a real child process (not a mock) that stands in
 * for the engine without starting Spark. It records its pid, its child's pid, its arguments and its environment in
 * its working directory (the run directory), then behaves as the experiment's node labels ask: {@code crash} prints an error
 * and exits with code 1; anything else waits (in a child process) until it is stopped.
 */
public final class FakeSparkSubmit implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SCRIPT = """
            #!/bin/sh
            echo "$$" > engine.pid
            printf '%s\\n' "$@" > engine.args
            printf '%s\\n' "$EASEL_CALLBACK_TOKEN" > engine.token
            env > engine.env
            experiment=""
            while [ $# -gt 0 ]; do
              if [ "$1" = "--experiment" ]; then experiment="$2"; fi
              shift
            done
            if grep -q '"label" *: *"crash"' "$experiment"; then
              echo "Fake engine starting"
              echo "java.lang.IllegalStateException: boom, the fake engine died"
              exit 1
            fi
            sleep 120 &
            echo "$!" > child.pid
            wait
            """;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-data", "fake-engine-" + UUID.randomUUID()));
            Path script = dir.resolve("spark-submit").toAbsolutePath();
            Files.writeString(script, SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            // spark-submit is handed the engine jar; this one is never opened.
            Path home = Files.createDirectories(dir.resolve("engine")).toAbsolutePath();
            Files.write(home.resolve(SparkDriverLauncher.ENGINE_JAR), new byte[0]);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-spark-submit",
                    Map.of("easel.engine.spark-submit", script.toString(), "easel.engine.home", home.toString(),
                            // It stands in for the engine of one run: no run goes to a warm engine.
                            "easel.engine.warm.enabled", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
