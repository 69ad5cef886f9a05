package io.easel.engine;

import io.easel.engine.report.CallbackServer;
import io.easel.run.RunEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The credit-scoring experiment run once per test JVM (it trains a model: worth sharing), with a callback server
 * listening, for the tests that examine different sides of the same run.
 */
final class CreditScoringRun {

    static final String RUN_ID = "credit-1";

    private static EngineRun run;
    private static List<RunEvent> callbackEvents;
    private static List<CallbackServer.Received> callbackRequests;

    private CreditScoringRun() {}

    static synchronized EngineRun run() {
        if (run == null) {
            try (CallbackServer server = new CallbackServer()) {
                Path runs = Files.createDirectories(Path.of("target", "test-runs").toAbsolutePath());
                Path root = Files.createTempDirectory(runs, "credit-");
                run = EngineRun.of("experiments/credit-scoring.json", RUN_ID, root, server.url());
                callbackEvents = server.events();
                callbackRequests = server.received();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run;
    }

    static synchronized List<RunEvent> callbackEvents() {
        run();
        return callbackEvents;
    }

    static synchronized List<CallbackServer.Received> callbackRequests() {
        run();
        return callbackRequests;
    }
}
