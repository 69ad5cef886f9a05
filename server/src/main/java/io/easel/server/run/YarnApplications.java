package io.easel.server.run;

import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.hadoop.KerberosProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The YARN applications of runs, through the ResourceManager's client API. Stopping spark-submit is not enough on
 * YARN: in client deploy mode the application master outlives its driver for a while and then reports success, and
 * in cluster deploy mode the driver lives in the application master. Killing the application is what ends both, and
 * what YARN then shows as KILLED.
 *
 * <p>The ResourceManager is found as spark-submit finds it: the {@code *-site.xml} files of {@code HADOOP_CONF_DIR}
 * and {@code YARN_CONF_DIR}, then the {@code spark.hadoop.*} settings of {@code easel.engine.spark-conf}. Every call
 * is bounded by {@link #LIMIT}, so an unreachable ResourceManager cannot hold a cancel or a shutdown.
 */
@Component
class YarnApplications {

    static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    private final Map<String, String> sparkConf;
    private final HadoopAccess hadoop;

    /** YARN without Kerberos, its cluster's files found through {@code environment}. */
    YarnApplications(Map<String, String> sparkConf, Map<String, String> environment) {
        this(sparkConf, new HadoopAccess(KerberosProperties.NONE, HadoopAccess.siteConfiguration(environment)));
    }

    /**
     * @param hadoop the cluster's client configuration and the identity the ResourceManager is called as (a secured
     *               cluster's keytab)
     */
    @Autowired
    YarnApplications(EngineProperties engine, HadoopAccess hadoop) {
        this(engine.sparkConf(), hadoop);
    }

    private YarnApplications(Map<String, String> sparkConf, HadoopAccess hadoop) {
        this.sparkConf = sparkConf;
        this.hadoop = hadoop;
    }

    /** Whether runs launched with this master are YARN applications. */
    static boolean runsOn(String master) {
        return "yarn".equals(master);
    }

    /** Whether a Spark application id is one YARN gave ({@code application_<cluster start>_<n>}). */
    static boolean isYarnApplicationId(String sparkAppId) {
        return sparkAppId != null && sparkAppId.startsWith("application_");
    }

    /**
     * Asks the ResourceManager to kill the application and waits until it is killed, at most {@link #LIMIT}
     * whatever the network does (Hadoop's own retry settings bound attempts, not time); an application that has
     * already finished is left as it is.
     */
    void kill(String applicationId, String reason) throws IOException {
        ApplicationId application = ApplicationId.fromString(applicationId);
        Configuration configuration = configuration();
        CompletableFuture<Void> killed = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().name("easel-yarn-client").start(() -> {
            try (YarnClient client = YarnClient.createYarnClient()) {
                hadoop.asServer(() -> {
                    client.init(configuration);
                    client.start();
                    client.killApplication(application, reason);
                    return null;
                });
                killed.complete(null);
            } catch (IOException | RuntimeException e) {
                killed.completeExceptionally(e);
            }
        });
        try {
            killed.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            caller.interrupt();
            throw new IOException("YARN did not confirm within " + LIMIT.toSeconds() + " s that " + applicationId
                    + " was killed");
        } catch (ExecutionException e) {
            throw new IOException("YARN did not kill " + applicationId + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while YARN was killing " + applicationId, e);
        }
    }

    /**
     * The client configuration: the cluster's files as {@link HadoopAccess} read them, the operator's
     * {@code spark.hadoop.*} on top, and bounded waits.
     */
    Configuration configuration() {
        YarnConfiguration conf = new YarnConfiguration(hadoop.configuration());
        sparkConf.forEach((key, value) -> {
            if (key.startsWith(HADOOP_PREFIX)) {
                conf.set(key.substring(HADOOP_PREFIX.length()), value);
            }
        });
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, LIMIT.toMillis());
        conf.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, 1_000);
        conf.setLong(YarnConfiguration.YARN_CLIENT_APPLICATION_CLIENT_PROTOCOL_POLL_TIMEOUT_MS, LIMIT.toMillis());
        conf.setInt("ipc.client.connect.max.retries", 0);
        conf.setInt("ipc.client.connect.timeout", 2_000);
        return conf;
    }
}
