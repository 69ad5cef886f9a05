package io.easel.server.run;

import io.easel.component.Catalog;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.NamedConnections;
import io.easel.run.JdbcConnections;
import io.easel.run.WorkspaceLayout;
import io.easel.server.catalog.CatalogService;
import io.easel.server.data.WorkspaceConnections;
import io.easel.server.hadoop.KerberosProperties;
import io.easel.server.plugin.PluginJars;
import io.easel.server.settings.EaselProperties;
import io.easel.server.settings.StoredJson;
import io.easel.server.settings.WorkspaceDataRoots;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where the files of a run go and how its engine reaches the server back. */
@Component
class LaunchPlanner {

    private static final Logger log = LoggerFactory.getLogger(LaunchPlanner.class);

    private final EaselProperties easel;
    private final EngineProperties engine;
    private final PluginJars plugins;
    private final WorkspaceDataRoots dataRoots;
    private final Function<UUID, JdbcConnections> connections;
    private final Supplier<Catalog> catalog;
    private final String contextPath;
    private final KerberosProperties kerberos;
    private volatile int port = -1;

    @Autowired
    LaunchPlanner(EaselProperties easel, EngineProperties engine, PluginJars plugins, WorkspaceDataRoots dataRoots,
            WorkspaceConnections connections, CatalogService catalog, Environment environment,
            KerberosProperties kerberos) {
        this(easel, engine, plugins, dataRoots, connections::of, catalog::catalog, environment, kerberos);
    }

    /** A planner for a cluster without Kerberos. */
    LaunchPlanner(EaselProperties easel, EngineProperties engine, PluginJars plugins, WorkspaceDataRoots dataRoots,
            Function<UUID, JdbcConnections> connections, Supplier<Catalog> catalog, Environment environment) {
        this(easel, engine, plugins, dataRoots, connections, catalog, environment, KerberosProperties.NONE);
    }

    /**
     * @param connections the connections the experiments of a workspace may use, by workspace id
     * @param kerberos the principal and keytab runs hand to Spark
     */
    LaunchPlanner(EaselProperties easel, EngineProperties engine, PluginJars plugins, WorkspaceDataRoots dataRoots,
            Function<UUID, JdbcConnections> connections, Supplier<Catalog> catalog, Environment environment,
            KerberosProperties kerberos) {
        this.kerberos = kerberos;
        this.connections = connections;
        this.catalog = catalog;
        this.easel = easel;
        this.engine = engine;
        this.plugins = plugins;
        this.dataRoots = dataRoots;
        this.contextPath = environment.getProperty("server.servlet.context-path", "");
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        // Management servers on their own port announce themselves too; the API is on the main one.
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    Path runDirectory(UUID runId) {
        return easel.absoluteDataDir().resolve("runs").resolve(runId.toString());
    }

    Path experimentFile(UUID runId) {
        return runDirectory(runId).resolve(WorkspaceLayout.EXPERIMENT);
    }

    Path logFile(UUID runId) {
        return runDirectory(runId).resolve("engine.log");
    }

    /** The engine's workspace URI. */
    String workspace() {
        String configured = engine.workspace();
        if (configured == null || configured.isBlank()) {
            return easel.absoluteDataDir().resolve("runs").toUri().toString();
        }
        return configured;
    }

    /** {@code <workspace>/<runId>/<file>} as a URI (a plain workspace path is a local directory). */
    String workspaceFile(UUID runId, String file) {
        return workspaceRoot().resolve(runId + "/" + file).toString();
    }

    /** The workspace as a URI ending in {@code /} (a plain workspace path is a local directory). */
    URI workspaceRoot() {
        String configured = workspace().trim();
        URI uri = URI.create(configured);
        if (uri.getScheme() == null) {
            String local = Path.of(configured).toAbsolutePath().normalize().toUri().toString();
            return URI.create(local.endsWith("/") ? local : local + "/");
        }
        return configured.endsWith("/") ? uri : URI.create(configured + "/");
    }

    /**
     * How the engine of {@code run} is started. In cluster deploy mode the driver runs on a cluster node: it reads the
     * experiment from the workspace and reports to {@code easel.engine.callback-url}, which must name this server as
     * the cluster reaches it.
     *
     * @throws IllegalStateException when cluster deploy mode has no usable callback URL
     */
    EngineLaunch plan(RunView run, String token) {
        UUID runId = run.id();
        LaunchSettings settings = run.settings() != null ? run.settings()
                : LaunchSettings.effective(engine, null);
        boolean cluster = settings.clusterDeployMode();
        String experiment = cluster ? workspaceFile(runId, WorkspaceLayout.EXPERIMENT) : experimentFile(runId).toString();
        return new EngineLaunch(runId, experiment, runDirectory(runId), logFile(runId), workspace(),
                easel.modelStoreUri(), callbackBase(cluster, settings.master()) + "/api/engine/runs/" + runId + "/events",
                token,
                settings, plugins.jars(), dataRoots.of(run.workspaceId()), connectionsNamedBy(run), run.options(),
                kerberos);
    }

    /**
     * How a statistics job for the table output at {@code location} of {@code run} is started: as the run's engine
     * was (master, deploy mode, resources, Kerberos), with its files in a directory of its own under the run's.
     */
    EngineLaunch planStatistics(RunView run, String location) {
        UUID runId = run.id();
        LaunchSettings settings = run.settings() != null ? run.settings()
                : LaunchSettings.effective(engine, null);
        DriverTask.ComputeStatistics task = new DriverTask.ComputeStatistics(location, UUID.randomUUID());
        Path directory = runDirectory(runId).resolve("statistics").resolve(task.jobId().toString());
        return new EngineLaunch(runId, experimentFile(runId).toString(), directory, directory.resolve("engine.log"),
                workspace(), easel.modelStoreUri(), null, null, settings, plugins.jars(),
                dataRoots.of(run.workspaceId()), JdbcConnections.none(), RunOptions.reuse(), kerberos, task);
    }

    /**
     * The connections the run's nodes name among those its workspace may use, read from the graph snapshot the engine
     * runs: the engine holds no other database's credentials. None when the snapshot cannot be read (the engine then fails with it anyway).
     */
    private JdbcConnections connectionsNamedBy(RunView run) {
        UUID runId = run.id();
        JdbcConnections usable = connections.apply(run.workspaceId());
        if (usable.names().isEmpty()) {
            return usable;
        }
        try {
            ExperimentGraph graph = StoredJson.MAPPER.readValue(Files.readAllBytes(experimentFile(runId)),
                    ExperimentGraph.class);
            return usable.only(NamedConnections.in(graph, catalog.get()));
        } catch (IOException | RuntimeException e) {
            log.warn("Run {}: its graph could not be read to find the connections it names: {}", runId, e.toString());
            return JdbcConnections.none();
        }
    }

    private String callbackBase(boolean clusterDeployMode, String master) {
        String configured = engine.callbackUrl();
        if (configured != null && !configured.isBlank()) {
            // A cluster whose master listens on this machine's loopback runs its drivers here too.
            if (clusterDeployMode && isLoopback(configured) && !isLoopback(master)) {
                throw new IllegalStateException("easel.engine.callback-url=" + configured + " is a loopback address, "
                        + "which a driver on a cluster node cannot reach (cluster deploy mode); set it to this "
                        + "server's URL as the cluster sees it");
            }
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        if (clusterDeployMode) {
            throw new IllegalStateException("Cluster deploy mode needs easel.engine.callback-url (this server's URL "
                    + "as the cluster nodes reach it): the driver does not run on this machine");
        }
        if (port <= 0) {
            throw new IllegalStateException("The server's HTTP port is not known yet (no web server started), so "
                    + "the engine could not report back; set easel.engine.callback-url");
        }
        return "http://127.0.0.1:" + port + contextPath;
    }

    private static boolean isLoopback(String url) {
        String host;
        try {
            host = URI.create(url.replaceFirst("^[a-z0-9]+://", "http://")).getHost();
        } catch (IllegalArgumentException e) {
            return false; // not ours to judge; the engine reports a bad URL
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")
                || host.equals("0.0.0.0");
    }
}
