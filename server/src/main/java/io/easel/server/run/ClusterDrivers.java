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
 * deploy mode), a cluster-mode driver pod on Kubernetes. Other cluster managers end the application with its driver.
 * Shared by runs (cancel, timeout, shutdown) and statistics jobs (time limit, shutdown). Every kill runs in the
 * background and gives up after {@link #LIMIT}.
 */
@Component
class ClusterDrivers {

    private static final Logger log = LoggerFactory.getLogger(ClusterDrivers.class);
    /** The longest a kill may take: YARN's or Kubernetes' limit. */
    static final Duration LIMIT = Collections.max(List.of(YarnApplications.LIMIT, KubernetesDrivers.LIMIT));

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
     * @param logFile where {@code spark-submit --kill} writes (the driver's own launch log)
     */
    record Driver(String name, LaunchSettings settings, String sparkAppId, String podName, Path logFile) {}

    /**
     * Kills the driver's application on the cluster, in the background; empty when there is nothing to kill there
     * (a local or standalone driver, a YARN application whose id is not known, Kubernetes without
     * {@code easel.engine.spark-home}).
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
