package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the engine as a child process, the way spark-submit starts a driver: with a configured
 * {@code easel.engine.spark-submit}, through it; otherwise by running Spark's {@code SparkSubmit} main class from the
 * engine's own jars (no Spark distribution needed):
 *
 * <pre>java {spark flags} -Xmx{driver-memory} -cp "{home}/lib/*:{home}/easel-ml-engine.jar[:{plugin jar}…]"
 *     org.apache.spark.deploy.SparkSubmit --master {master} [--deploy-mode cluster] [--conf k=v…]
 *     [--jars {plugin jar},…] --class io.easel.engine.EngineMain
 *     {home}/easel-ml-engine.jar --experiment … --run-id … --workspace … --model-store … --callback-url …</pre>
 *
 * <p>Plugin jars are on the driver's class path, beside the engine's own jars, so the engine finds their components
 * and JPMML-SparkML their PMML converters; {@code --jars} ships them to executors (and to a driver in the cluster)
 * too. Through a configured spark-submit they travel as {@code --jars} only, which puts them beside the engine jar.
 *
 * <p>The callback token goes to the driver in its environment (see {@link EngineLaunch#engineArguments()}), which
 * holds nothing else of the server's but what {@link EngineEnvironment} passes; a driver started elsewhere by the
 * cluster manager gets it through a properties file ({@link SecretSparkSettings}).
 */
final class SparkDriverLauncher implements EngineLauncher {

    static final String ENGINE_JAR = "easel-ml-engine.jar";

    private final EngineProperties settings;
    private final EngineEnvironment environment;

    SparkDriverLauncher(EngineProperties settings) {
        this(settings, EngineEnvironment.defaults());
    }

    SparkDriverLauncher(EngineProperties settings, EngineEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public RunningEngine launch(EngineLaunch launch) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(launch))
                .directory(launch.runDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()));
        environment.applyTo(builder.environment(), launch.engineEnvironment());
        return new ChildProcessEngine(builder.start(),
                launch.settings().clusterDeployMode() && !launch.settings().submitterFollowsDriver());
    }

    List<String> command(EngineLaunch launch) throws IOException {
        return command(launch.settings(), launch.pluginJars(), SecretSparkSettings.sparkSubmitOptions(launch),
                launch.mainClass(), launch.engineArguments());
    }

    /**
     * The command that starts a driver with {@code settings}, running {@code mainClass} of the engine's jar with
     * {@code arguments} (the engine of one run, or the warm engine).
     */
    List<String> command(LaunchSettings run, List<Path> pluginJars, String mainClass, List<String> arguments)
            throws IOException {
        return command(run, pluginJars, List.of(), mainClass, arguments);
    }

    private List<String> command(LaunchSettings run, List<Path> pluginJars, List<String> sparkOptions,
            String mainClass, List<String> arguments) throws IOException {
        Path home = engineHome();
        Path engineJar = home.resolve(ENGINE_JAR);
        List<String> command = new ArrayList<>();
        if (settings.sparkSubmit() != null) {
            command.add(settings.sparkSubmit().toString());
            command.add("--driver-memory");
            command.add(run.driverMemory());
        } else {
            command.add(java());
            command.addAll(SparkJvmFlags.FLAGS);
            command.add("-Xmx" + run.driverMemory());
            command.add("-cp");
            List<String> classPath = new ArrayList<>(List.of(home.resolve("lib") + "/*", engineJar.toString()));
            pluginJars.forEach(jar -> classPath.add(jar.toString()));
            command.add(String.join(java.io.File.pathSeparator, classPath));
            command.add("org.apache.spark.deploy.SparkSubmit");
        }
        command.add("--master");
        command.add(run.master());
        if (run.clusterDeployMode()) {
            command.add("--deploy-mode");
            command.add("cluster");
            if (settings.sparkSubmit() == null) {
                command.add("--driver-memory"); // the -Xmx above sizes the submitting JVM, not the remote driver
                command.add(run.driverMemory());
            }
        }
        for (Map.Entry<String, String> conf : run.sparkSettings().entrySet()) {
            command.add("--conf");
            command.add(conf.getKey() + "=" + conf.getValue());
        }
        if (!pluginJars.isEmpty()) {
            command.add("--jars");
            command.add(String.join(",", pluginJars.stream().map(Path::toString).toList()));
        }
        command.addAll(sparkOptions);
        command.add("--class");
        command.add(mainClass);
        command.add(engineJar.toString());
        command.addAll(arguments);
        return command;
    }

    /** The configured engine home, or the first default that exists; fails naming every place it looked. */
    Path engineHome() throws IOException {
        return EngineHome.locate(settings, ENGINE_JAR);
    }

    private String java() {
        if (settings.java() != null) {
            return settings.java().toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
