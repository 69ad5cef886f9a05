package io.easel.server.run;

import io.easel.server.settings.EaselProperties;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where the files of a run go and how its engine reaches the server back. */
@Component
class LaunchPlanner {

    private final EaselProperties easel;
    private final EngineProperties engine;
    private final String contextPath;
    private volatile int port = -1;

    LaunchPlanner(EaselProperties easel, EngineProperties engine, Environment environment) {
        this.easel = easel;
        this.engine = engine;
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
        return runDirectory(runId).resolve("experiment.json");
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

    EngineLaunch plan(UUID runId, String token) {
        return new EngineLaunch(runId, experimentFile(runId), runDirectory(runId), logFile(runId), workspace(),
                easel.modelStoreUri(), callbackBase() + "/api/engine/runs/" + runId + "/events", token);
    }

    private String callbackBase() {
        String configured = engine.callbackUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        if (port <= 0) {
            throw new IllegalStateException("The server's HTTP port is not known yet (no web server started), so "
                    + "the engine could not report back; set easel.engine.callback-url");
        }
        return "http://127.0.0.1:" + port + contextPath;
    }
}
