package io.easel.server.cluster;

import io.easel.server.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and two workers (1 core, 1 GB for executors each), each a
 * child JVM started from the jars of a {@link SparkHome} — no Spark distribution, no scripts. Workers start their
 * executors as child JVMs of their own, so stopping a worker means stopping its process tree; {@link #close()} does
 * that for every daemon, and a shutdown hook does it if the test JVM is stopped first.
 */
final class StandaloneSparkCluster implements AutoCloseable {

    static final String JVM_FLAGS_PROPERTY = "easel.test.spark-jvm-flags";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int WORKERS = 2;
    private static final int LOG_TAIL_LINES = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SparkHome home;
    private final Path scratch;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Daemon> daemons = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::stopAll, "spark-cluster-cleanup");

    /** One master or worker JVM and the file its output goes to. */
    private record Daemon(String name, Process process, Path log) {}

    private StandaloneSparkCluster(SparkHome home, Path scratch) {
        this.home = home;
        this.scratch = scratch;
        this.masterPort = freePort();
        this.masterUiPort = freePort();
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts a master and two workers and returns once the master lists both workers as ALIVE. */
    static StandaloneSparkCluster start(SparkHome home, Path scratch) {
        StandaloneSparkCluster cluster = new StandaloneSparkCluster(home, scratch);
        try {
            cluster.startMaster();
            for (int i = 1; i <= WORKERS; i++) {
                cluster.startWorker(i);
            }
            cluster.awaitAliveWorkers(WORKERS);
            return cluster;
        } catch (RuntimeException e) {
            String logs = cluster.logTails();
            cluster.close();
            throw new IllegalStateException(e.getMessage() + "\n" + logs, e);
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's own view of the cluster ({@code /json/}: workers, applications, their states). */
    JsonNode masterStatus() {
        return getJson("http://127.0.0.1:" + masterUiPort + "/json/");
    }

    /** A GET of one of Spark's JSON pages (the master's status, a driver's REST API). */
    static JsonNode getJson(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return Api.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int aliveWorkers() {
        JsonNode status = masterStatus();
        return (int) status.path("workers").valueStream()
                .filter(w -> "ALIVE".equals(w.path("state").asString())).count();
    }

    /**
     * Kills worker {@code number} (1 or 2) and the executors it started, all at once and without warning, as a
     * machine failure would; returns how many processes died.
     */
    int killWorker(int number) {
        Daemon worker = daemons.stream().filter(d -> d.name().equals("worker-" + number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no worker " + number));
        return killTree(worker.process().toHandle());
    }

    /**
     * The worker (1 or 2) that started the executor with this id, found by the {@code --executor-id} argument of the
     * worker's child processes.
     */
    int workerOf(String executorId) {
        for (Daemon daemon : daemons) {
            if (daemon.name().startsWith("worker-") && daemon.process().descendants()
                    .anyMatch(child -> isExecutor(child, executorId))) {
                return Integer.parseInt(daemon.name().substring("worker-".length()));
            }
        }
        throw new IllegalStateException("No worker runs executor " + executorId);
    }

    private static boolean isExecutor(ProcessHandle process, String executorId) {
        List<String> arguments = process.info().arguments().map(Arrays::asList).orElse(List.of());
        int flag = arguments.indexOf("--executor-id");
        return flag >= 0 && flag + 1 < arguments.size() && arguments.get(flag + 1).equals(executorId);
    }

    /** The last lines of every daemon's log, for failure messages. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (Daemon daemon : List.copyOf(daemons)) {
            out.append("---- ").append(daemon.name()).append(" (").append(daemon.log()).append(") ----\n");
            out.append(tail(daemon.log(), LOG_TAIL_LINES)).append('\n');
        }
        return out.toString();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private void startMaster() {
        launch("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(masterUiPort)));
        awaitUntil("the master's status page on port " + masterUiPort, () -> {
            masterStatus();
            return true;
        });
    }

    private void startWorker(int number) {
        Path workDir = createDirectories(scratch.resolve("worker-" + number));
        launch("worker-" + number, List.of("org.apache.spark.deploy.worker.Worker", masterUrl(),
                "--host", "127.0.0.1", "--webui-port", Integer.toString(freePort()),
                "--cores", "1", "--memory", "1g", "--work-dir", workDir.toString()));
    }

    private void awaitAliveWorkers(int expected) {
        awaitUntil(expected + " ALIVE workers at " + masterUrl(), () -> aliveWorkers() == expected);
    }

    private void launch(String name, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(home.jars() + "/*");
        command.addAll(mainAndArguments);
        Path log = scratch.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(scratch.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.path().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_DIRS", createDirectories(scratch.resolve("local-" + name)).toString());
        // Workers build their executors' command line from JAVA_HOME: the same JDK as everything else here.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            daemons.add(new Daemon(name, builder.start(), log));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Spark " + name, e);
        }
    }

    private void awaitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            for (Daemon daemon : daemons) {
                if (!daemon.process().isAlive()) {
                    throw new IllegalStateException("The Spark " + daemon.name() + " exited with code "
                            + daemon.process().exitValue() + " while waiting for " + what);
                }
            }
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Timed out after " + START_TIMEOUT.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    private synchronized void stopAll() {
        // Workers first, so the master does not spend its last moments rescheduling their executors.
        for (Daemon daemon : daemons.reversed()) {
            killTree(daemon.process().toHandle());
        }
    }

    /** Kills a process and all its descendants (listed first: once the parent is dead they are re-parented). */
    private static int killTree(ProcessHandle root) {
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        int killed = 0;
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
                killed++;
            } catch (Exception stillAlive) {
                throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL for 10 s");
            }
        }
        return killed;
    }

    private static List<String> jvmFlags() {
        String flags = System.getProperty(JVM_FLAGS_PROPERTY);
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException("System property " + JVM_FLAGS_PROPERTY + " is not set: it must hold "
                    + "the root pom's spark.jvm.flags (failsafe passes it; set it when running from an IDE)");
        }
        return Arrays.asList(flags.trim().split("\\s+"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Spark cluster", e);
        }
    }
}
