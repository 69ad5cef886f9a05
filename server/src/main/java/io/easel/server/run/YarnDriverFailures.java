package io.easel.server.run;

import io.easel.run.RunLogLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What YARN knows of a driver that died inside its application master (cluster deploy mode) before it could report
 * the end of its run or start the run's log: a class path or JVM option the JVM refuses, an out-of-memory at start,
 * a killed container. YARN's diagnostics go into the run's failure message, and the end of the master container's
 * stdout and stderr into the run's log, so that the results view's log panel shows what the driver said as it died.
 */
@Component
class YarnDriverFailures {

    private static final Logger log = LoggerFactory.getLogger(YarnDriverFailures.class);
    /** How the lines copied from YARN are marked in the run's log. */
    static final String LOGGER = "YARN";
    /** How many of the application master's last lines the run's failure message quotes. */
    private static final int LAST_LINES_IN_MESSAGE = 10;

    private final YarnApplications yarn;
    private final RunWorkspace workspace;

    YarnDriverFailures(YarnApplications yarn, RunWorkspace workspace) {
        this.yarn = yarn;
        this.workspace = workspace;
    }

    /** The YARN application whose master hosted the run's driver, when the run had one (cluster deploy mode). */
    static Optional<String> driverApplication(RunView run) {
        LaunchSettings settings = run.settings();
        if (settings == null || !settings.clusterDeployMode() || !YarnApplications.runsOn(settings.master())
                || !YarnApplications.isYarnApplicationId(run.sparkAppId())) {
            return Optional.empty();
        }
        return Optional.of(run.sparkAppId());
    }

    /**
     * Keeps the end of the application master's log with the run, once YARN has aggregated it (a few seconds after
     * the application ended; this waits at most {@link YarnApplications#AGGREGATION_LIMIT}), and answers what to add
     * to the run's failure message: the last lines the driver's JVM wrote, and YARN's diagnostics.
     */
    String keepWithRun(UUID runId, String applicationId) {
        YarnApplications.ApplicationMasterLog masterLog;
        try {
            masterLog = yarn.applicationMasterLog(applicationId);
        } catch (IOException e) {
            masterLog = YarnApplications.ApplicationMasterLog.missing("it could not be read from YARN: "
                    + e.getMessage());
        }
        try {
            workspace.appendLog(runId, lines(masterLog, applicationId));
        } catch (IOException | RuntimeException e) {
            log.warn("Run {}: the log of {}'s application master could not be kept with the run", runId,
                    applicationId, e);
        }
        List<String> lastWords = masterLog.lastLines(LAST_LINES_IN_MESSAGE);
        return (lastWords.isEmpty() ? "" : " The driver's application master ended with:\n"
                + String.join("\n", lastWords) + "\n") + diagnostics(runId, applicationId);
    }

    /** YARN's word on how the application ended, as a sentence to add to the run's message; empty without one. */
    private String diagnostics(UUID runId, String applicationId) {
        try {
            String diagnostics = yarn.diagnostics(applicationId);
            return diagnostics.isEmpty() ? "" : " YARN says of " + applicationId + ": " + diagnostics;
        } catch (IOException e) {
            log.warn("Run {}: YARN's diagnostics of {} could not be read", runId, applicationId, e);
            return "";
        }
    }

    /** The log as run log lines: a heading, then the log line by line (or the heading says why there is none). */
    static List<RunLogLine> lines(YarnApplications.ApplicationMasterLog masterLog, String applicationId) {
        long now = System.currentTimeMillis();
        List<RunLogLine> lines = new ArrayList<>();
        if (masterLog.text() == null) {
            lines.add(new RunLogLine(now, "WARN", null, LOGGER, "The driver ended inside " + applicationId
                    + "'s application master without a log of its own here; " + masterLog.missing(), null));
            return lines;
        }
        lines.add(new RunLogLine(now, "ERROR", null, LOGGER, "The driver ended inside " + applicationId
                + "'s application master (container " + masterLog.container() + ") without reporting the end of "
                + "the run. The end of that container's log, from YARN:", null));
        masterLog.text().lines().forEach(line -> lines.add(new RunLogLine(now, "INFO", null, LOGGER, line, null)));
        return lines;
    }
}
