package io.easel.server.run;

import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.experiment.RunSettings;
import io.easel.server.hadoop.KerberosProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkDriverLauncherTest {

    @TempDir
    Path dir;

    private EngineLaunch launch() {
        return launch(LaunchSettings.effective(settings(dir, null), null));
    }

    private EngineLaunch launch(LaunchSettings settings) {
        return launch(settings, List.of());
    }

    @Test
    void shouldHandTheDatabaseConnectionsToTheEngineInItsEnvironmentOnly() throws IOException {
        Path home = engineHome();
        EngineLaunch plain = launch();
        JdbcConnections warehouse = new JdbcConnections(Map.of("warehouse",
                new JdbcConnections.JdbcConnection("jdbc:postgresql://db:5432/dw", "analyst", "pw-42")));
        EngineLaunch launch = new EngineLaunch(plain.runId(), plain.experiment(), plain.runDirectory(),
                plain.logFile(), plain.workspace(), plain.modelStore(), plain.callbackUrl(), plain.callbackToken(),
                plain.settings(), plain.pluginJars(), plain.dataRoots(), warehouse);

        List<String> command = new SparkDriverLauncher(settings(home, null)).command(launch);

        assertThat(String.join(" ", command) + launch).doesNotContain("pw-42").doesNotContain("jdbc:postgresql");
        assertThat(launch.engineEnvironment().get(JdbcConnections.ENVIRONMENT_VARIABLE))
                .contains("\"warehouse\"", "\"pw-42\"", "jdbc:postgresql://db:5432/dw");
        assertThat(plain.engineEnvironment()).doesNotContainKey(JdbcConnections.ENVIRONMENT_VARIABLE);
    }

    private EngineLaunch launch(LaunchSettings settings, List<Path> pluginJars) {
        UUID runId = UUID.fromString("00000000-0000-0000-0000-000000000001");
        return new EngineLaunch(runId, dir.resolve("experiment.json").toString(), dir, dir.resolve("engine.log"),
                "file:/data/runs", "file:/data/models", "http://127.0.0.1:8080/api/engine/runs/" + runId + "/events",
                "secret", settings, pluginJars, DataRoots.of(List.of("/data/files"), "/data/samples"),
                JdbcConnections.none());
    }

    private Path engineHome() throws IOException {
        Path home = Files.createDirectories(dir.resolve("engine"));
        Files.createDirectories(home.resolve("lib"));
        Files.write(home.resolve("easel-ml-engine.jar"), new byte[0]);
        return home;
    }

    private static EngineProperties settings(Path home, Path sparkSubmit) {
        return new EngineProperties(home, "local[2]", "client", "3g", null, null, null, null,
                Map.of("spark.ui.enabled", "false"), sparkSubmit, null, null, null, Duration.ofHours(2),
                Duration.ofSeconds(5), 2, null, null);
    }

    @Test
    void shouldStartSparkSubmitMainFromTheEngineJarsWithSparkJvmFlags() throws IOException {
        Path home = engineHome();
        List<String> command = new SparkDriverLauncher(settings(home, null)).command(launch());

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).containsSubsequence("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx3g", "-cp",
                home.toAbsolutePath() + "/lib/*:" + home.toAbsolutePath() + "/easel-ml-engine.jar",
                "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--class", "io.easel.engine.EngineMain", home.toAbsolutePath() + "/easel-ml-engine.jar",
                "--experiment", dir.resolve("experiment.json").toString(),
                "--run-id", "00000000-0000-0000-0000-000000000001",
                "--workspace", "file:/data/runs", "--model-store", "file:/data/models",
                "--callback-url", "http://127.0.0.1:8080/api/engine/runs/00000000-0000-0000-0000-000000000001/events",
                "--data-root", "file:///data/files", "--samples", "file:///data/samples");
        assertThat(command).as("the token travels in the environment, out of process listings")
                .doesNotContain("--callback-token", "secret");
        assertThat(command).as("no plugins, no jars to ship").doesNotContain("--jars");
        assertThat(command).containsAll(SparkJvmFlags.FLAGS);
    }

    @Test
    void shouldHandAYarnClusterDriverItsTokenInAPropertiesFileOnlyTheServerReads() throws IOException {
        Path home = engineHome();
        EngineProperties server = settings(home, null);
        LaunchSettings yarnCluster = new LaunchSettings("yarn", "cluster", "1g", null, null, null, null, Map.of());

        List<String> command = new SparkDriverLauncher(server).command(launch(yarnCluster));

        Path secrets = dir.resolve(SecretSparkSettings.FILE);
        assertThat(command).as("no secret on the command line")
                .noneMatch(argument -> argument.endsWith("secret") || argument.contains("appMasterEnv"));
        assertThat(command).containsSubsequence("--master", "yarn", "--deploy-mode", "cluster", "--properties-file",
                secrets.toString(), "--load-spark-defaults", "--class", DriverTask.RunExperiment.MAIN);
        assertThat(Files.readAllLines(secrets))
                .contains("spark.yarn.appMasterEnv." + EngineLaunch.TOKEN_VARIABLE + "=secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");

        List<String> clientMode = new SparkDriverLauncher(server).command(launch());
        assertThat(clientMode).as("the environment carries it beside the server").doesNotContain("--properties-file");
    }

    @Test
    void shouldStartAStatisticsJobWithTheTableOnlyAndNoCallbackNorToken() throws IOException {
        Path home = engineHome();
        LaunchSettings yarnCluster = new LaunchSettings("yarn", "cluster", "1g", null, null, null, null, Map.of());
        EngineLaunch run = launch(yarnCluster);
        DriverTask.ComputeStatistics task = new DriverTask.ComputeStatistics("file:/data/runs/r/split/out",
                UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
        EngineLaunch job = new EngineLaunch(run.runId(), run.experiment(), run.runDirectory(), run.logFile(),
                run.workspace(), run.modelStore(), null, null, yarnCluster, run.pluginJars(), run.dataRoots(),
                JdbcConnections.none(), RunOptions.reuse(), KerberosProperties.NONE, task);

        List<String> command = new SparkDriverLauncher(settings(home, null)).command(job);

        assertThat(command).endsWith("--class", DriverTask.ComputeStatistics.MAIN,
                home.toAbsolutePath() + "/easel-ml-engine.jar", "--table", "file:/data/runs/r/split/out");
        assertThat(job.engineEnvironment()).isEmpty();
        assertThat(job.secretSparkSettings()).as("no callback, so no token for the driver").isEmpty();
        assertThat(job.appName()).isEqualTo("Easel column statistics (run " + run.runId() + ")");
        assertThat(run.appName()).isEqualTo("Easel run " + run.runId());
        assertThat(run.task()).isEqualTo(new DriverTask.RunExperiment());
    }

    @Test
    void shouldHandSparkTheServersKeytabInThePropertiesFileNotTheCommandLine() throws IOException {
        Path home = engineHome();
        Path keytab = Files.createFile(dir.resolve("easel.keytab"));
        LaunchSettings yarnClient = new LaunchSettings("yarn", "client", "1g", null, null, null, null, Map.of());
        EngineLaunch plain = launch(yarnClient);
        EngineLaunch secured = new EngineLaunch(plain.runId(), plain.experiment(), plain.runDirectory(),
                plain.logFile(), plain.workspace(), plain.modelStore(), plain.callbackUrl(), plain.callbackToken(),
                yarnClient, plain.pluginJars(), plain.dataRoots(), plain.connections(), plain.options(),
                new KerberosProperties("easel/gateway@EXAMPLE.COM", keytab));

        List<String> command = new SparkDriverLauncher(settings(home, null)).command(secured);

        Path secrets = dir.resolve(SecretSparkSettings.FILE);
        assertThat(command).containsSubsequence("--properties-file", secrets.toString(), "--load-spark-defaults");
        assertThat(command).noneMatch(argument -> argument.contains("keytab") || argument.contains("EXAMPLE.COM"));
        Properties handed = new Properties();
        try (Reader in = Files.newBufferedReader(secrets)) {
            handed.load(in);
        }
        assertThat(handed).containsEntry("spark.kerberos.principal", "easel/gateway@EXAMPLE.COM")
                .containsEntry("spark.kerberos.keytab", keytab.toAbsolutePath().normalize().toString());
    }

    @Test
    void shouldPutPluginJarsOnTheDriversClassPathAndShipThemToExecutors() throws IOException {
        Path home = engineHome();
        List<Path> plugins = List.of(Path.of("/srv/easel/plugins/acme-features.jar"),
                Path.of("/srv/easel/plugins/acme-lib.jar"));
        EngineProperties server = settings(home, null);

        List<String> command = new SparkDriverLauncher(server).command(launch(LaunchSettings.effective(server, null),
                plugins));

        assertThat(command).containsSubsequence("-cp", home.toAbsolutePath() + "/lib/*:" + home.toAbsolutePath()
                + "/easel-ml-engine.jar:/srv/easel/plugins/acme-features.jar:/srv/easel/plugins/acme-lib.jar",
                "org.apache.spark.deploy.SparkSubmit");
        assertThat(command).containsSubsequence("--jars",
                "/srv/easel/plugins/acme-features.jar,/srv/easel/plugins/acme-lib.jar", "--class",
                "io.easel.engine.EngineMain", home.toAbsolutePath() + "/easel-ml-engine.jar");

        List<String> throughSparkSubmit = new SparkDriverLauncher(settings(home, Path.of("/opt/spark/bin/spark-submit")))
                .command(launch(LaunchSettings.effective(server, null), plugins));
        assertThat(throughSparkSubmit).containsSubsequence("--jars",
                "/srv/easel/plugins/acme-features.jar,/srv/easel/plugins/acme-lib.jar", "--class");
    }

    @Test
    void shouldUseAConfiguredSparkSubmitInsteadOfTheClasspathLaunch() throws IOException {
        Path home = engineHome();
        Path sparkSubmit = Path.of("/opt/spark/bin/spark-submit");
        List<String> command = new SparkDriverLauncher(settings(home, sparkSubmit)).command(launch());

        assertThat(command).startsWith(sparkSubmit.toString(), "--driver-memory", "3g", "--master", "local[2]");
        assertThat(command).doesNotContain("org.apache.spark.deploy.SparkSubmit", "-cp");
        assertThat(command).containsSubsequence("--class", "io.easel.engine.EngineMain");
    }

    @Test
    void shouldPassTheExperimentsRunSettingsOverTheServerDefaults() throws IOException {
        Path home = engineHome();
        EngineProperties server = settings(home, null);
        RunSettings experiment = new RunSettings("cluster", "6g", 2, "4g", 3, 5,
                Map.of("spark.ui.enabled", "true", "spark.sql.shuffle.partitions", "8"));
        List<String> command = new SparkDriverLauncher(server).command(launch(LaunchSettings.effective(server,
                experiment)));

        assertThat(command).containsSubsequence("-Xmx6g", "org.apache.spark.deploy.SparkSubmit", "--master",
                "local[2]", "--deploy-mode", "cluster", "--driver-memory", "6g", "--class");
        assertThat(command).containsSubsequence("--conf", "spark.driver.cores=2", "--conf", "spark.executor.cores=3",
                "--conf", "spark.executor.instances=5", "--conf", "spark.executor.memory=4g", "--conf",
                "spark.sql.shuffle.partitions=8", "--conf", "spark.ui.enabled=true");
        assertThat(command).doesNotContain("spark.ui.enabled=false");
    }

    @Test
    void shouldRefuseInvalidEngineSettingsNamingTheProperty() {
        assertThatThrownBy(() -> new EngineProperties(null, "local[2]", "both", "3g", null, null, null, null, null,
                null, null, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null))
                .hasMessageContaining("easel.engine.deploy-mode").hasMessageContaining("'both'");
        assertThatThrownBy(() -> new EngineProperties(null, "local[2]", "client", "3g", null, "lots", null, null,
                null, null, null, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null))
                .hasMessageContaining("easel.engine.executor-memory");
    }

    @Test
    void shouldNameTheDirectoryThatLacksTheEngine() {
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> new SparkDriverLauncher(settings(nowhere, null)).command(launch()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(nowhere.toString())
                .hasMessageContaining("easel-ml-engine.jar");
    }

    @Test
    void shouldKeepTheSparkJvmFlagsEqualToTheRootPomProperty() throws IOException {
        Path rootPom = Path.of("..", "pom.xml");
        String pom = Files.readString(rootPom);
        String property = pom.substring(pom.indexOf("<spark.jvm.flags>") + "<spark.jvm.flags>".length(),
                pom.indexOf("</spark.jvm.flags>"));
        assertThat(SparkJvmFlags.FLAGS).containsExactly(property.strip().split("\\s+"));
    }
}
