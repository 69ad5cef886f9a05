package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Kills what a driver left on the cluster where stopping its launcher does not end it: a YARN application (in either
 * deploy mode), a cluster-mode driver pod on Kubernetes, a cluster-mode driver on a standalone master (unless it
 * stops itself, as a run's does when the server answers its next report). A local driver ends with its launcher.
 * Shared by runs (cancel, timeout, shutdown) and statistics jobs (time limit, shutdown). Every kill runs in the
 * background and gives up after {@link #LIMIT}.
 */
@Component
class ClusterDrivers {

    private static final Logger log = LoggerFactory.getLogger(ClusterDrivers.class);
    /** The longest a kill may take: YARN's, Kubernetes' or a standalone master's limit. */
    static final Duration LIMIT = Collections.max(List.of(YarnApplications.LIMIT, KubernetesDrivers.LIMIT,
            StandaloneDrivers.LIMIT));

    private final EngineProperties engine;
    private final YarnApplications yarn;

    ClusterDrivers(EngineProperties engine, YarnApplications yarn) {
        this.engine = engine;
        this.yarn = yarn;
    }

    /**
     * A driver as the server knows it.
     *
     * @param name names it in the server's log ("run …", "the statistics job of …")
     * @param settings what it was launched with
     * @param sparkAppId its Spark application id, when known (null otherwise)
     * @param podName its driver pod's name, in cluster deploy mode on Kubernetes
     * @param logFile the driver's launch log, where spark-submit wrote what the cluster named it and where the kill
     *     writes
     * @param stopsItself the driver ends itself once the server stops answering for it (a run's, through its
     *     reports): on a standalone master it is not killed
     */
    record Driver(String name, LaunchSettings settings, String sparkAppId, String podName, Path logFile,
            boolean stopsItself) {}

    /**
     * Kills the driver's application on the cluster, in the background; empty when there is nothing to kill there
     * (a local driver, a YARN application whose id is not known, Kubernetes without {@code easel.engine.spark-home},
     * a standalone driver that stops itself or that spark-submit had not handed over yet).
     *
     * @param reason what YARN records with the killed application
     */
    Optional<Thread> kill(Driver driver, String reason) {
        LaunchSettings launched = driver.settings();
        if (KubernetesDrivers.runsOn(launched.master()) && launched.clusterDeployMode() && engine.sparkHome() != null) {
            return Optional.of(Thread.ofVirtual().name("easel-k8s-kill-" + driver.podName()).start(() -> {
                try {
                    KubernetesDrivers.kill(engine.sparkHome(), launched, driver.podName(), driver.logFile());
                    log.info("{}: driver pod {} killed", driver.name(), driver.podName());
                } catch (IOException | RuntimeException e) {
                    log.warn("{}: could not kill its driver pod {}", driver.name(), driver.podName(), e);
                }
            }));
        }
        if (StandaloneDrivers.runsOn(launched.master()) && launched.clusterDeployMode() && !driver.stopsItself()) {
            return Optional.of(Thread.ofVirtual().name("easel-standalone-kill").start(() -> {
                try {
                    Optional<String> driverId = StandaloneDrivers.driverId(driver.logFile());
                    if (driverId.isEmpty()) {
                        log.info("{}: no driver on the standalone master to kill (not submitted yet)", driver.name());
                        return;
                    }
                    StandaloneDrivers.kill(engine, launched, driverId.get(), driver.logFile());
                    log.info("{}: driver {} killed on the standalone master", driver.name(), driverId.get());
                } catch (IOException | RuntimeException e) {
                    log.warn("{}: could not kill its driver on the standalone master", driver.name(), e);
                }
            }));
        }
        if (!YarnApplications.runsOn(launched.master()) || !YarnApplications.isYarnApplicationId(driver.sparkAppId())) {
            return Optional.empty();
        }
        String applicationId = driver.sparkAppId();
        return Optional.of(Thread.ofVirtual().name("easel-yarn-kill-" + applicationId).start(() -> {
            try {
                yarn.kill(applicationId, reason);
                log.info("{}: YARN application {} killed", driver.name(), applicationId);
            } catch (IOException | RuntimeException e) {
                log.warn("{}: could not kill its YARN application {}", driver.name(), applicationId, e);
            }
        }));
    }

    /** Waits for kills started by {@link #kill}, together at most {@link #LIMIT} and a second. */
    static void await(List<Thread> kills) {
        long deadline = System.nanoTime() + LIMIT.plusSeconds(1).toNanos();
        for (Thread kill : kills) {
            try {
                kill.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
