package io.easel.server.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;

/**
 * Submits the engine through Spark's launcher API ({@code easel.engine.spark-home} set): {@code SparkLauncher} runs
 * the distribution's {@code bin/spark-submit} as a separate process with the engine's application jar, for any master
 * and deploy mode, and its {@link SparkAppHandle} tells the application id and state as Spark learns them:
 *
 * <pre>{spark-home}/bin/spark-submit --master {master} --deploy-mode {mode} --conf spark.driver.memory=…
 *     [--conf k=v…] [--jars {plugin jar},…] --class io.easel.engine.EngineMain {app-jar} --experiment …
 *     --run-id … --workspace … --model-store … --callback-url …</pre>
 *
 * <p>Plugin jars are application jars ({@code --jars}): Spark loads them with the application jar, in the driver
 * and in every executor, and uploads them where the cluster manager does (YARN, Kubernetes with an upload path).
 *
 * <p>The callback token goes to the driver in its environment (see {@link EngineLaunch#engineArguments()}); the
 * server's other variables are blanked unless {@link EngineEnvironment} passes them. A driver the cluster manager
 * starts elsewhere (cluster deploy mode on YARN or Kubernetes) gets it through a properties file
 * ({@link SecretSparkSettings}), never on the command line.
 */
final class SparkAppLauncher implements EngineLauncher {

    static final String APP_JAR = "easel-ml-engine-app.jar";

    private final EngineProperties settings;
    private final EngineEnvironment environment;

    SparkAppLauncher(EngineProperties settings) {
        this(settings, EngineEnvironment.defaults());
    }

    SparkAppLauncher(EngineProperties settings, EngineEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public RunningEngine launch(EngineLaunch launch) throws IOException {
        SparkApplication application = new SparkApplication(launch.settings().clusterDeployMode(),
                launch.settings().submitterFollowsDriver());
        SparkAppHandle handle = launcher(launch).startApplication(application);
        application.handle = handle;
        application.stateChanged(handle); // it may have changed before the field was set
        return application;
    }

    SparkLauncher launcher(EngineLaunch launch) throws IOException {
        Path sparkHome = settings.sparkHome().toAbsolutePath().normalize();
        if (!Files.isRegularFile(sparkHome.resolve("bin").resolve("spark-submit"))) {
            throw new IOException("easel.engine.spark-home=" + sparkHome + " has no bin/spark-submit; it must be a "
                    + "Spark 4.0 (Scala 2.13) distribution");
        }
        Map<String, String> engineVariables = new HashMap<>(launch.engineEnvironment());
        engineVariables.put("JAVA_HOME", javaHome());
        LaunchSettings run = launch.settings();
        SparkLauncher launcher = new SparkLauncher(environment.overriding(System.getenv(), engineVariables))
                .setSparkHome(sparkHome.toString())
                .setAppResource(appJar())
                .setMainClass(launch.mainClass())
                .setAppName(launch.appName())
                .setMaster(run.master())
                .setDeployMode(run.deployMode())
                .setConf(SparkLauncher.DRIVER_MEMORY, run.driverMemory())
                .addAppArgs(launch.engineArguments().toArray(String[]::new))
                .directory(launch.runDirectory().toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.logFile().toFile()))
                .redirectError();
        run.sparkSettings().forEach(launcher::setConf);
        if (KubernetesDrivers.runsOn(run.master()) && run.clusterDeployMode()) {
            // A driver pod named before submission, so that cancel, a time limit and shutdown can kill it.
            launcher.setConf(KubernetesDrivers.POD_NAME, launch.driverPodName());
        }
        Optional<Path> secrets = SecretSparkSettings.write(launch);
        if (secrets.isPresent()) {
            launcher.setPropertiesFile(secrets.get().toString());
            launcher.addSparkArg("--load-spark-defaults");
        }
        launch.pluginJars().forEach(jar -> launcher.addJar(jar.toString()));
        return launcher;
    }

    /** The configured application jar (a path or a URI the cluster fetches), or the engine home's. */
    String appJar() throws IOException {
        String configured = settings.appJar();
        if (configured == null || configured.isBlank()) {
            return EngineHome.locate(settings, APP_JAR).resolve(APP_JAR).toString();
        }
        if (configured.contains("://")) {
            return configured;
        }
        Path local = configured.startsWith("file:") ? Path.of(URI.create(configured)) : Path.of(configured);
        if (!Files.isRegularFile(local)) {
            throw new IOException("easel.engine.app-jar=" + configured + " is not a file");
        }
        return local.toAbsolutePath().normalize().toString();
    }

    private String javaHome() {
        if (settings.java() != null) {
            Path bin = settings.java().toAbsolutePath().getParent();
            return bin.getParent().toString(); // <java home>/bin/java
        }
        return System.getProperty("java.home");
    }

    /** One submitted application, followed through its handle. */
    static final class SparkApplication implements RunningEngine, SparkAppHandle.Listener {

        private final boolean clusterDeployMode;
        /** In cluster deploy mode: spark-submit stays until the driver ends, so the handle's end is the driver's. */
        private final boolean submitterFollowsDriver;
        private final CompletableFuture<EngineEnd> ended = new CompletableFuture<>();
        private final List<Consumer<String>> appIdListeners = new CopyOnWriteArrayList<>();
        private volatile SparkAppHandle handle;
        private String announcedAppId;

        SparkApplication(boolean clusterDeployMode, boolean submitterFollowsDriver) {
            this.clusterDeployMode = clusterDeployMode;
            this.submitterFollowsDriver = submitterFollowsDriver;
        }

        @Override
        public String describe() {
            SparkAppHandle current = handle;
            String appId = current == null ? null : current.getAppId();
            if (appId != null) {
                return "Spark application " + appId;
            }
            // A cluster-mode submission client never learns the application id; the driver reports it itself.
            return clusterDeployMode ? "spark-submit" : "Spark application (id not known yet)";
        }

        @Override
        public CompletableFuture<EngineEnd> ended() {
            return ended;
        }

        @Override
        public void stop() {
            SparkAppHandle current = handle;
            if (current == null || current.getState().isFinal()) {
                return;
            }
            try {
                current.stop();
            } catch (RuntimeException notConnected) {
                // The application never connected back (still submitting, or cluster mode): nothing to ask.
                current.kill();
                return;
            }
            CompletableFuture.delayedExecutor(ChildProcessEngine.KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> {
                        if (!current.getState().isFinal()) {
                            current.kill();
                        }
                    });
        }

        @Override
        public void kill() {
            SparkAppHandle current = handle;
            if (current != null) {
                current.kill();
            }
        }

        @Override
        public void onSparkApplication(Consumer<String> listener) {
            String known;
            synchronized (this) {
                appIdListeners.add(listener);
                known = announcedAppId;
            }
            if (known != null) {
                listener.accept(known);
            }
        }

        @Override
        public void stateChanged(SparkAppHandle changed) {
            infoChanged(changed);
            SparkAppHandle.State state = changed.getState();
            if (!state.isFinal()) {
                return;
            }
            boolean failed = state == SparkAppHandle.State.FAILED || state == SparkAppHandle.State.KILLED;
            String error = changed.getError().map(e -> ": " + e.getMessage()).orElse("");
            // LOST: spark-submit exited without the application reporting its end, which in cluster deploy mode
            // is what a submission client that does not wait for the driver does once the driver is handed over.
            boolean handedOver = clusterDeployMode && !submitterFollowsDriver && state == SparkAppHandle.State.LOST;
            String description = clusterDeployMode && submitterFollowsDriver && !failed
                    ? "saw its driver on the cluster end (the driver's own log is kept by the cluster manager)"
                    : "ended as " + state + error;
            ended.complete(new EngineEnd(failed, handedOver, description));
        }

        @Override
        public void infoChanged(SparkAppHandle changed) {
            String appId = changed.getAppId();
            if (appId == null) {
                return;
            }
            List<Consumer<String>> listeners;
            synchronized (this) {
                if (appId.equals(announcedAppId)) {
                    return;
                }
                announcedAppId = appId;
                listeners = List.copyOf(appIdListeners);
            }
            listeners.forEach(l -> l.accept(appId));
        }
    }
}
