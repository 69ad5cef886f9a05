package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Starts the engine as a child process, the way spark-submit starts a driver: with a configured
 * {@code easel.engine.spark-submit}, through it; otherwise by running Spark's {@code SparkSubmit} main class from the
 * engine's own jars (no Spark distribution needed):
 *
 * <pre>java {spark flags} -Xmx{driver-memory} -cp "{home}/lib/*:{home}/easel-ml-engine.jar"
 *     org.apache.spark.deploy.SparkSubmit --master {master} [--conf k=v…] --class io.easel.engine.EngineMain
 *     {home}/easel-ml-engine.jar --experiment … --run-id … --workspace … --model-store … --callback-url …
 *     --callback-token …</pre>
 */
final class SparkDriverLauncher implements EngineLauncher {

    static final String ENGINE_JAR = "easel-ml-engine.jar";
    static final String ENGINE_MAIN = "io.easel.engine.EngineMain";
    private static final List<Path> DEFAULT_HOMES = List.of(
            Path.of("ml-engine", "target", "engine"), Path.of("..", "ml-engine", "target", "engine"));

    private final EngineProperties settings;

    SparkDriverLauncher(EngineProperties settings) {
        this.settings = settings;
    }

    @Override
    public Process launch(EngineLaunch launch) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(launch))
                .directory(launch.runDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
        return builder.start();
    }

    List<String> command(EngineLaunch launch) throws IOException {
        Path home = engineHome();
        Path engineJar = home.resolve(ENGINE_JAR);
        List<String> command = new ArrayList<>();
        if (settings.sparkSubmit() != null) {
            command.add(settings.sparkSubmit().toString());
            command.add("--driver-memory");
            command.add(settings.driverMemory());
        } else {
            command.add(java());
            command.addAll(SparkJvmFlags.FLAGS);
            command.add("-Xmx" + settings.driverMemory());
            command.add("-cp");
            command.add(home.resolve("lib") + "/*" + java.io.File.pathSeparator + engineJar);
            command.add("org.apache.spark.deploy.SparkSubmit");
        }
        command.add("--master");
        command.add(settings.master());
        for (Map.Entry<String, String> conf : new TreeMap<>(settings.sparkConf()).entrySet()) {
            command.add("--conf");
            command.add(conf.getKey() + "=" + conf.getValue());
        }
        command.add("--class");
        command.add(ENGINE_MAIN);
        command.add(engineJar.toString());
        command.addAll(launch.engineArguments());
        return command;
    }

    /** The configured engine home, or the first default that exists; fails naming every place it looked. */
    Path engineHome() throws IOException {
        if (settings.home() != null) {
            Path home = settings.home().toAbsolutePath().normalize();
            if (!Files.isRegularFile(home.resolve(ENGINE_JAR))) {
                throw new IOException("easel.engine.home=" + home + " has no " + ENGINE_JAR
                        + " (build the engine with `mvn package` in ml-engine)");
            }
            return home;
        }
        Optional<Path> found = DEFAULT_HOMES.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .filter(p -> Files.isRegularFile(p.resolve(ENGINE_JAR)))
                .findFirst();
        return found.orElseThrow(() -> new IOException("The engine was not found: none of "
                + DEFAULT_HOMES.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + " holds " + ENGINE_JAR + "; build it (`mvn package` in ml-engine) or set easel.engine.home"));
    }

    private String java() {
        if (settings.java() != null) {
            return settings.java().toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
