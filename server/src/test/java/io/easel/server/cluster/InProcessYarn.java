package io.easel.server.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.ResourceScheduler;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler;

/**
 * A real YARN (one ResourceManager with its web proxy, one NodeManager) inside the test JVM, over an
 * {@link io.easel.server.InProcessHdfs}: Spark's YARN client submits to it, its NodeManager starts the application
 * master and the executors as child JVMs. As Spark's own YARN suite does, the cluster's client configuration is
 * written as {@code yarn-site.xml} and {@code core-site.xml} into the directory that {@code HADOOP_CONF_DIR} names for
 * every process of the test (spark-submit, the server's YARN client).
 */
final class InProcessYarn implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** The states an application ends in. */
    static final Set<YarnApplicationState> ENDED = EnumSet.of(YarnApplicationState.FINISHED,
            YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final MiniYARNCluster cluster;
    private final Path clientConfiguration;

    private InProcessYarn(MiniYARNCluster cluster, Path clientConfiguration) {
        this.cluster = cluster;
        this.clientConfiguration = clientConfiguration;
    }

    /**
     * Starts the cluster with {@code defaultFs} as its file system (where Spark stages the application) and writes
     * its client configuration into {@code clientConfiguration}.
     */
    static InProcessYarn start(String defaultFs, Path scratch, Path clientConfiguration) {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set("fs.defaultFS", defaultFs);
        // Small containers (Spark asks for heap + 384 MB overhead) on a small machine, first come first served.
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setClass(YarnConfiguration.RM_SCHEDULER, FifoScheduler.class, ResourceScheduler.class);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
        conf.setInt(YarnConfiguration.NM_VCORES, 8);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // A nearly full disk must not mark the only node unhealthy.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
        conf.setLong(YarnConfiguration.NM_MIN_PER_DISK_FREE_SPACE_MB, 64);
        conf.set("hadoop.tmp.dir", scratch.resolve("hadoop-tmp").toString());
        // As on production clusters: an ended application's container logs are gathered on the default file system
        // (HDFS), where the server reads the log of a driver that died in its application master.
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
        conf.set(YarnConfiguration.NM_REMOTE_APP_LOG_DIR, "/yarn/logs");
        MiniYARNCluster cluster = new MiniYARNCluster("easel-it", 1, 1, 1);
        try {
            cluster.init(conf);
            cluster.start();
            InProcessYarn yarn = new InProcessYarn(cluster, clientConfiguration);
            yarn.awaitRunningNode();
            yarn.writeClientConfiguration(defaultFs);
            return yarn;
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    /** A client of this ResourceManager; close it after use. */
    YarnClient client() {
        YarnClient client = YarnClient.createYarnClient();
        client.init(cluster.getConfig());
        client.start();
        return client;
    }

    ApplicationReport report(String applicationId) {
        try (YarnClient client = client()) {
            return client.getApplicationReport(ApplicationId.fromString(applicationId));
        } catch (IOException | YarnException e) {
            throw new IllegalStateException("No report of " + applicationId + ": " + e.getMessage(), e);
        }
    }

    private void awaitRunningNode() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (YarnClient client = client()) {
            while (client.getNodeReports(NodeState.RUNNING).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The NodeManager did not register within " + START_TIMEOUT);
                }
                CreditScoringRuns.sleep(Duration.ofMillis(200));
            }
        } catch (IOException | YarnException e) {
            throw new IllegalStateException("YARN did not start: " + e.getMessage(), e);
        }
    }

    /** The ResourceManager's addresses as the cluster bound them, and the default file system. */
    private void writeClientConfiguration(String defaultFs) {
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", defaultFs);
        try {
            Files.createDirectories(clientConfiguration);
            write(cluster.getConfig(), clientConfiguration.resolve("yarn-site.xml"));
            write(core, clientConfiguration.resolve("core-site.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the YARN client configuration to " + clientConfiguration, e);
        }
    }

    private static void write(Configuration configuration, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            configuration.writeXml(out);
        }
    }

    @Override
    public void close() {
        cluster.stop();
        // No later test process may find a ResourceManager that is gone.
        for (String file : List.of("yarn-site.xml", "core-site.xml")) {
            try {
                Files.deleteIfExists(clientConfiguration.resolve(file));
            } catch (IOException e) {
                System.err.println("Could not delete " + file + ": " + e);
            }
        }
    }
}
