package io.easel.server.recovery;

import io.easel.server.Api;
import io.easel.server.EaselServerApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole Easel server in a process of its own (this JVM's classpath, its own data directory and port), which a test
 * can kill the hard way ({@code kill -9}: no shutdown hook, no chance to stop its engines or its database) and start
 * again on the same data directory and port.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a server and waits until its health is UP. */
    static ServerProcess start(Path dataDir, int port, Map<String, String> settings, String name) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                // a quicker start: tests restart it several times, and it is short-lived
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), EaselServerApplication.class.getName(),
                "--server.port=" + port, "--easel.data-dir=" + dataDir));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dataDir.resolve(name + ".log");
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServerProcess server = new ServerProcess(process, log, port);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api api() {
        return Api.asAdmin(port);
    }

    /** {@code kill -9}: the server gets no chance to stop anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // a graceful stop: engines and the embedded database with it
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited while starting:\n" + tail());
            }
            try {
                if (Api.anonymous(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The server did not become healthy within " + START_PATIENCE + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
