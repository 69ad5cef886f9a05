package io.easel.engine.log;

import io.easel.run.RunLogLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log4j2 appender that hands each line logged in the driver to the {@link RunLog} of its run, as the line's run
 * tag ({@link LogTags#RUN}) says. An untagged line (a Spark scheduler thread's, the callback's) goes to the run when
 * it is the only one open in this driver, as it always is under spark-submit; with several runs at once it belongs to
 * none. Added to the root logger of whatever log4j2 configuration the driver has (its own, or a cluster's), once per
 * configuration.
 */
final class RunLogAppender extends AbstractAppender {

    private static final Logger LOG = LoggerFactory.getLogger(RunLogAppender.class);
    private static final String NAME = "easel-run-log";
    private static final String EASEL = "io.easel";
    private static final int MAX_MESSAGE = 8_000;
    private static final int MAX_DETAIL_LINES = 60;
    private static final RunLogAppender INSTANCE = new RunLogAppender();

    private final Map<String, RunLog> open = new ConcurrentHashMap<>();

    private RunLogAppender() {
        super(NAME, null, null, true, Property.EMPTY_ARRAY);
        start();
    }

    /** Sends the run's lines to {@code log} from now on; false when the driver does not log through log4j2. */
    static boolean attach(RunLog log) {
        if (!installed()) {
            return false;
        }
        INSTANCE.open.put(log.runId(), log);
        return true;
    }

    static void detach(RunLog log) {
        INSTANCE.open.remove(log.runId(), log);
    }

    private static synchronized boolean installed() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            LOG.warn("The driver does not log through log4j2 core; runs keep no log of their own");
            return false;
        }
        Configuration config = context.getConfiguration();
        if (config.getAppenders().containsKey(NAME)) {
            return true;
        }
        config.addAppender(INSTANCE);
        config.getRootLogger().addAppender(INSTANCE, null, null);
        if (!config.getLoggerConfig(EASEL).getLevel().isLessSpecificThan(Level.INFO)) {
            // A cluster's configuration may log only warnings: a run's log still needs Easel's own lines.
            config.addLogger(EASEL, new LoggerConfig(EASEL, Level.INFO, true));
        }
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive() && logger != config.getRootLogger()) {
                logger.addAppender(INSTANCE, null, null);
            }
        }
        context.updateLoggers();
        return true;
    }

    @Override
    public void append(LogEvent event) {
        if (open.isEmpty() || !kept(event)) {
            return;
        }
        String runId = event.getContextData().getValue(LogTags.RUN);
        RunLog log = runId != null ? open.get(runId) : onlyOpen();
        if (log == null || log.isWriter(Thread.currentThread())) {
            return;
        }
        String logger = event.getLoggerName() == null ? "" : event.getLoggerName();
        log.add(new RunLogLine(event.getTimeMillis(), event.getLevel().name(),
                event.getContextData().getValue(LogTags.NODE), logger.substring(logger.lastIndexOf('.') + 1),
                abbreviate(event.getMessage() == null ? "" : event.getMessage().getFormattedMessage()),
                detail(event.getThrown())));
    }

    /** Easel's own lines from INFO, everyone else's from WARN: a run's log is for its user, not for Spark's. */
    private static boolean kept(LogEvent event) {
        String logger = event.getLoggerName();
        return event.getLevel().isMoreSpecificThan(Level.WARN)
                || (logger != null && logger.startsWith(EASEL + ".") && event.getLevel().isMoreSpecificThan(Level.INFO));
    }

    private RunLog onlyOpen() {
        if (open.size() != 1) {
            return null;
        }
        var logs = open.values().iterator();
        return logs.hasNext() ? logs.next() : null;
    }

    private static String abbreviate(String message) {
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    /** The stack trace, its first lines only: the message says what happened, the top frames where. */
    private static String detail(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String[] lines = trace.toString().split("\\R");
        if (lines.length <= MAX_DETAIL_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, MAX_DETAIL_LINES)) + "\n\t… "
                + (lines.length - MAX_DETAIL_LINES) + " more lines";
    }
}
