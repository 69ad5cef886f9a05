package io.easel.server.run;

import io.easel.component.Text;
import io.easel.server.settings.StudioOnly;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * Column statistics computed by a Spark driver of their own where no warm engine can (runs on a cluster, or the warm
 * engine turned off): a statistics job, started through the server's {@link EngineLauncher} with the settings of the
 * run whose output it reads, at most one per output at a time. The job writes the statistics, or one line saying why
 * there are none, beside the output, where {@link PortStatisticsService} finds them whatever the deploy mode; a job
 * that ends without getting that far, or takes longer than {@code easel.engine.statistics-timeout}, is reported
 * through the failure callback. A job stopped at its time limit or at server shutdown is killed on the cluster too
 * ({@link ClusterDrivers}), as a run is; having no callback, it is killed on a standalone master too.
 */
@Component
@StudioOnly
class StatisticsJobs {

    private static final Logger log = LoggerFactory.getLogger(StatisticsJobs.class);
    static final String TIMEOUT_PROPERTY = "easel.engine.statistics-timeout";

    private final EngineLauncher launcher;
    private final LaunchPlanner planner;
    private final ClusterDrivers clusterDrivers;
    private final Duration timeLimit;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .daemon().name("easel-statistics-jobs").factory());
    /** The jobs under way, by the location of the output they read. */
    private final Map<String, Job> running = new HashMap<>();

    StatisticsJobs(EngineLauncher launcher, LaunchPlanner planner, ClusterDrivers clusterDrivers,
            @Value("${" + TIMEOUT_PROPERTY + ":10m}") Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be positive, not " + timeLimit);
        }
        this.launcher = launcher;
        this.planner = planner;
        this.clusterDrivers = clusterDrivers;
        this.timeLimit = timeLimit;
    }

    /** One job under way: how it was launched, what was launched, and the Spark application id once known. */
    private static final class Job {
        private final EngineLaunch launch;
        private final RunningEngine engine;
        private volatile String sparkAppId;
        /** Stopped by the server (time limit, shutdown): its end is told already, or there is nobody to tell. */
        private volatile boolean stopped;
        private ScheduledFuture<?> deadline;

        private Job(EngineLaunch launch, RunningEngine engine) {
            this.launch = launch;
            this.engine = engine;
        }

        private ClusterDrivers.Driver driver() {
            return new ClusterDrivers.Driver("The statistics job of run " + launch.runId(), launch.settings(),
                    sparkAppId, launch.driverPodName(), launch.logFile(), false);
        }
    }

    /**
     * Starts a job for the table output at {@code location} of {@code run}, unless one is under way.
     *
     * @param whenFailed told why, in words for people, when the job ends as a failure or is stopped at its time limit
     * @throws IOException when the job cannot be started (no Spark installation, no engine jar)
     */
    synchronized void start(RunView run, String location, Consumer<PortStatisticsView> whenFailed)
            throws IOException {
        if (running.containsKey(location)) {
            return;
        }
        EngineLaunch launch = planner.planStatistics(run, location);
        Files.createDirectories(launch.runDirectory());
        Job job = new Job(launch, launcher.launch(launch));
        log.info("Computing the column statistics of {} in a Spark job of its own ({}); its log is {}", location,
                job.engine.describe(), launch.logFile());
        job.engine.onSparkApplication(appId -> job.sparkAppId = appId);
        job.deadline = timers.schedule(() -> timedOut(location, job, whenFailed), timeLimit.toMillis(),
                TimeUnit.MILLISECONDS);
        running.put(location, job);
        job.engine.ended().whenComplete((end, error) -> {
            synchronized (this) {
                running.remove(location, job);
            }
            job.deadline.cancel(false);
            if (job.stopped) {
                return;
            }
            if (error != null || end.failed()) {
                String how = error != null ? error.getMessage() : end.description();
                whenFailed.accept(PortStatisticsView.failed("The Spark job computing the statistics " + how
                        + "; its log is " + launch.logFile()));
            }
        });
    }

    /** Whether a job computes the statistics of the output at {@code location} now. */
    synchronized boolean computing(String location) {
        return running.containsKey(location);
    }

    private void timedOut(String location, Job job, Consumer<PortStatisticsView> whenFailed) {
        String limit = asWritten(timeLimit);
        log.warn("The statistics job of {} exceeded {} ({}); stopping it", location, TIMEOUT_PROPERTY, limit);
        job.stopped = true;
        whenFailed.accept(PortStatisticsView.failed("The Spark job computing the statistics took longer than the "
                + "limit of " + limit + " (" + TIMEOUT_PROPERTY + ") and was stopped; its log is "
                + job.launch.logFile(), Text.of(
                "Computing the statistics took longer than the limit of " + limit + " and was stopped. Ask again "
                        + "to try once more, or ask the administrator to raise " + TIMEOUT_PROPERTY + ".",
                "计算统计信息的时间超过了 " + limit + " 的限制，已被停止。可再次请求以重试，或请管理员调高 "
                        + TIMEOUT_PROPERTY + "。")));
        job.engine.stop();
        clusterDrivers.kill(job.driver(), "Exceeded " + TIMEOUT_PROPERTY + " in Easel");
    }

    /** The duration as a setting would say it: {@code 10m}, {@code 90s}. */
    private static String asWritten(Duration duration) {
        ChronoUnit unit = Stream.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)
                .filter(candidate -> duration.toMillis() % candidate.getDuration().toMillis() == 0)
                .findFirst().orElse(ChronoUnit.MILLIS);
        return DurationStyle.SIMPLE.print(duration, unit);
    }

    /** No job outlives the server, on this machine or on the cluster: what it computes would have nobody to tell. */
    @PreDestroy
    void stopAll() {
        List<Job> jobs;
        synchronized (this) {
            jobs = List.copyOf(running.values());
            running.clear();
        }
        List<Thread> clusterKills = new ArrayList<>();
        for (Job job : jobs) {
            job.stopped = true;
            job.deadline.cancel(false);
            job.engine.kill();
            clusterDrivers.kill(job.driver(), "The Easel server stopped").ifPresent(clusterKills::add);
        }
        ClusterDrivers.await(clusterKills);
        timers.shutdownNow();
    }
}
