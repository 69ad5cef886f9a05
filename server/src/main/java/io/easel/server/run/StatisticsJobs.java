package io.easel.server.run;

import io.easel.server.settings.StudioOnly;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Column statistics computed by a Spark driver of their own where no warm engine can (runs on a cluster, or the warm
 * engine turned off): a statistics job, started through the server's {@link EngineLauncher} with the settings of the
 * run whose output it reads, at most one per output at a time. The job writes the statistics, or one line saying why
 * there are none, beside the output, where {@link PortStatisticsService} finds them whatever the deploy mode; a job
 * that ends without getting that far is reported through the failure callback.
 */
@Component
@StudioOnly
class StatisticsJobs {

    private static final Logger log = LoggerFactory.getLogger(StatisticsJobs.class);

    private final EngineLauncher launcher;
    private final LaunchPlanner planner;
    /** The jobs under way, by the location of the output they read. */
    private final Map<String, RunningEngine> running = new HashMap<>();

    StatisticsJobs(EngineLauncher launcher, LaunchPlanner planner) {
        this.launcher = launcher;
        this.planner = planner;
    }

    /**
     * Starts a job for the table output at {@code location} of {@code run}, unless one is under way.
     *
     * @param whenFailed told, in words for people, when the job ends as a failure
     * @throws IOException when the job cannot be started (no Spark installation, no engine jar)
     */
    synchronized void start(RunView run, String location, Consumer<String> whenFailed) throws IOException {
        if (running.containsKey(location)) {
            return;
        }
        EngineLaunch job = planner.planStatistics(run, location);
        Files.createDirectories(job.runDirectory());
        RunningEngine engine = launcher.launch(job);
        log.info("Computing the column statistics of {} in a Spark job of its own ({}); its log is {}", location,
                engine.describe(), job.logFile());
        running.put(location, engine);
        engine.ended().whenComplete((end, error) -> {
            synchronized (this) {
                running.remove(location);
            }
            if (error != null || end.failed()) {
                String how = error != null ? error.getMessage() : end.description();
                whenFailed.accept("The Spark job computing the statistics " + how + "; its log is " + job.logFile());
            }
        });
    }

    /** No job outlives the server: what it computes would have nobody to tell. */
    @PreDestroy
    synchronized void stopAll() {
        running.values().forEach(RunningEngine::kill);
        running.clear();
    }
}
