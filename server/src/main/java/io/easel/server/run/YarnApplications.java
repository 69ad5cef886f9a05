package io.easel.server.run;

import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.hadoop.KerberosProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.LogAggregationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.apache.hadoop.yarn.logaggregation.ContainerLogsRequest;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;
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
 * is bounded by {@link #LIMIT}, so an unreachable ResourceManager cannot hold a cancel or a shutdown. A driver that
 * dies inside its application master before it can say why leaves its reason with YARN: its diagnostics and the
 * master container's log, which the server keeps with the run.
 */
@Component
class YarnApplications {

    static final Duration LIMIT = Duration.ofSeconds(10);
    /** How long an ended application's logs may take to reach the aggregated store (NodeManagers upload them). */
    static final Duration AGGREGATION_LIMIT = Duration.ofSeconds(30);
    private static final Duration AGGREGATION_POLL = Duration.ofMillis(500);
    private static final Set<LogAggregationStatus> STILL_AGGREGATING = EnumSet.of(LogAggregationStatus.NOT_START,
            LogAggregationStatus.RUNNING);
    /** How much of each of the application master's log files is kept with the run: their ends. */
    static final long APPLICATION_MASTER_LOG_BYTES = 64 * 1024;
    /**
     * The application master's files that say what its JVM did, and nothing else: {@code launch_container.sh}
     * holds the container's environment, and with it the driver's callback token.
     */
    private static final List<String> APPLICATION_MASTER_LOG_FILES = List.of("prelaunch.err", "stdout", "stderr");
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
        within(LIMIT, "kill " + applicationId, client -> {
            client.killApplication(application, reason);
            return null;
        });
    }

    /** What YARN says of how the application went ("AM Container … exited with exitCode: 1 …"); may be empty. */
    String diagnostics(String applicationId) throws IOException {
        ApplicationId application = ApplicationId.fromString(applicationId);
        String diagnostics = within(LIMIT, "report on " + applicationId,
                client -> client.getApplicationReport(application).getDiagnostics());
        return diagnostics == null ? "" : diagnostics.strip();
    }

    /**
     * The end of the log of the application's master container (in cluster deploy mode: the driver's stdout and
     * stderr, what a driver that died before its own log started wrote), as YARN's log aggregation keeps it once
     * the application has ended. Waits for the aggregation at most {@link #AGGREGATION_LIMIT}.
     *
     * @return the log, or why there is none to read (the cluster does not aggregate logs, the aggregation failed)
     */
    ApplicationMasterLog applicationMasterLog(String applicationId) throws IOException {
        ApplicationId application = ApplicationId.fromString(applicationId);
        Configuration configuration = configuration();
        return within(AGGREGATION_LIMIT.plus(LIMIT), "read the log of " + applicationId, client -> {
            ApplicationReport report = awaitAggregation(client, application);
            LogAggregationStatus aggregation = report.getLogAggregationStatus();
            if (aggregation == LogAggregationStatus.DISABLED) {
                return ApplicationMasterLog.missing("YARN does not aggregate the logs of this cluster ("
                        + YarnConfiguration.LOG_AGGREGATION_ENABLED + " is off): the application master's log "
                        + "stays on its node");
            }
            ContainerId master = client.getApplicationAttemptReport(report.getCurrentApplicationAttemptId())
                    .getAMContainerId();
            ContainerLogsRequest request = new ContainerLogsRequest();
            request.setAppId(application);
            request.setAppOwner(report.getUser());
            request.setContainerId(master == null ? null : master.toString());
            request.setAppFinished(true);
            request.setLogTypes(new HashSet<>(APPLICATION_MASTER_LOG_FILES));
            request.setBytes(-APPLICATION_MASTER_LOG_BYTES); // each file's end, where a dying JVM writes why
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            boolean found;
            try {
                found = new LogAggregationFileControllerFactory(configuration)
                        .getFileControllerForRead(application, report.getUser())
                        .readAggregatedLogs(request, log);
            } catch (IOException e) {
                return ApplicationMasterLog.missing("YARN's aggregated logs of " + applicationId + " ("
                        + aggregation + ") cannot be read: " + e.getMessage());
            }
            String text = log.toString(StandardCharsets.UTF_8).strip();
            return found && !text.isEmpty() ? new ApplicationMasterLog(master, text, null)
                    : ApplicationMasterLog.missing("YARN's aggregated logs of " + applicationId + " ("
                    + aggregation + ") hold nothing of its application master");
        });
    }

    /**
     * The log of an application's master container, or why there is none.
     *
     * @param container the container, when YARN named it
     * @param text the log as YARN prints it (one section per file); null when there is none
     * @param missing why there is none; null when there is one
     */
    record ApplicationMasterLog(ContainerId container, String text, String missing) {

        /** How YARN frames each file of a container's log: headings, lengths, rules. */
        private static final Pattern FRAMING = Pattern.compile("(Container: |LogAggregationType:|LogType:"
                + "|LogLastModifiedTime:|LogLength:|LogContents:|End of LogType:|[=*]{10,}$).*");

        static ApplicationMasterLog missing(String why) {
            return new ApplicationMasterLog(null, null, why);
        }

        /** The last {@code count} lines the container itself wrote (none of YARN's framing), oldest first. */
        List<String> lastLines(int count) {
            if (text == null) {
                return List.of();
            }
            List<String> written = text.lines()
                    .filter(line -> !line.isBlank() && !FRAMING.matcher(line).matches())
                    .toList();
            return written.subList(Math.max(0, written.size() - count), written.size());
        }
    }

    /** The application's report once its logs are aggregated, failed to be, or after {@link #AGGREGATION_LIMIT}. */
    private static ApplicationReport awaitAggregation(YarnClient client, ApplicationId application)
            throws IOException, YarnException, InterruptedException {
        long deadline = System.nanoTime() + AGGREGATION_LIMIT.toNanos();
        ApplicationReport report = client.getApplicationReport(application);
        while (STILL_AGGREGATING.contains(report.getLogAggregationStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(AGGREGATION_POLL.toMillis());
            report = client.getApplicationReport(application);
        }
        return report;
    }

    /** A call of the ResourceManager. */
    @FunctionalInterface
    private interface YarnCall<T> {

        T call(YarnClient client) throws IOException, YarnException, InterruptedException;
    }

    /**
     * Makes {@code call} with a client of its own, as the server's identity, and waits for its answer at most
     * {@code limit} whatever the network does (Hadoop's own retry settings bound attempts, not time).
     *
     * @param what what the call does, for the failure's message ("kill application_…")
     */
    private <T> T within(Duration limit, String what, YarnCall<T> call) throws IOException {
        Configuration configuration = configuration();
        CompletableFuture<T> answered = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().name("easel-yarn-client").start(() -> {
            try (YarnClient client = YarnClient.createYarnClient()) {
                answered.complete(hadoop.asServer(() -> {
                    client.init(configuration);
                    client.start();
                    return call.call(client);
                }));
            } catch (IOException | RuntimeException e) {
                answered.completeExceptionally(e);
            }
        });
        try {
            return answered.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            caller.interrupt();
            throw new IOException("YARN did not answer within " + limit.toSeconds() + " s to " + what);
        } catch (ExecutionException e) {
            throw new IOException("YARN could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while YARN was to " + what, e);
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
