package io.easel.server.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which extra Spark settings an experiment's run settings may carry ({@code easel.run-settings.allowed-conf}): an
 * allow-list the administrator configures, of exact keys or patterns where {@code *} stands for any characters
 * ({@code spark.sql.adaptive.*}). Whatever the list says, settings that would let an experiment run code of its
 * choosing or reach beyond the run are never allowed: jars, files and class paths, JVM options, listeners, plugins,
 * extensions and other class names, environment variables, scripts, Hadoop settings, and where Spark logs or
 * writes. The operator's own {@code easel.engine.spark-conf.*} are not limited: they are not the experiment's.
 *
 * @param allowedConf keys or {@code *} patterns an experiment may set; null for {@link #DEFAULT_ALLOWED}
 */
@ConfigurationProperties("easel.run-settings")
public record SparkSettingsPolicy(List<String> allowedConf) {

    /** What an experiment may set when {@code easel.run-settings.allowed-conf} is not configured. */
    public static final List<String> DEFAULT_ALLOWED = List.of(
        "spark.sql.shuffle.partitions", "spark.default.parallelism", "spark.sql.adaptive.enabled",
        "spark.sql.adaptive.coalescePartitions.enabled", "spark.sql.adaptive.skewJoin.enabled",
        "spark.sql.autoBroadcastJoinThreshold", "spark.sql.files.maxPartitionBytes",
        "spark.driver.memoryOverhead", "spark.executor.memoryOverhead", "spark.memory.fraction",
        "spark.memory.storageFraction", "spark.cores.max", "spark.task.cpus", "spark.locality.wait",
        "spark.dynamicAllocation.enabled", "spark.dynamicAllocation.minExecutors",
        "spark.dynamicAllocation.maxExecutors", "spark.dynamicAllocation.initialExecutors",
        "spark.yarn.queue");

    /**
     * Never an experiment's to set, whatever {@link #allowedConf} says. Matched case-insensitively against the whole
     * key; {@code *} is any characters.
     */
    static final List<String> NEVER_ALLOWED = List.of(
            // code and files shipped to the driver and executors, and where they are looked up
            "spark.jars*", "spark.files*", "spark.archives*", "spark.submit.*", "spark.pyspark.*", "spark.python.*",
            "spark.r.*", "spark.yarn.dist.*", "spark.yarn.jars", "spark.yarn.archive", "*classpath*",
            "*librarypath*", "*userclasspathfirst*",
            // JVM options and environments of the driver, executors and application masters
            "*javaoptions*", "*env.*", "*.podtemplate*", "spark.kubernetes.*",
            // classes Spark instantiates: listeners, plugins, extensions, catalogs, serializers, committers
            "*listener*", "*plugin*", "spark.sql.extensions", "spark.sql.catalog*", "*.class", "*class",
            "*classes*", "*registrator*", "spark.serializer*", "spark.shuffle.manager", "*.impl",
            // scripts run on the nodes
            "*script*",
            // Hadoop settings (file systems and their implementations, default file system, credentials)
            "spark.hadoop.*", "*.fs.*",
            // where Spark writes and logs, how it authenticates and encrypts, and how it hides secrets
            "spark.eventlog.*", "spark.local.dir", "spark.sql.warehouse.dir", "spark.metrics.*",
            "spark.authenticate*", "spark.ssl.*", "spark.network.crypto.*", "spark.io.encryption.*",
            "spark.redaction.*", "*.filters", "spark.ui.*", "spark.driver.host", "spark.driver.bindaddress",
            // reading files named in SQL, around the data roots
            "spark.sql.runsqlonfiles");

    private static final List<Pattern> NEVER = NEVER_ALLOWED.stream().map(SparkSettingsPolicy::glob).toList();

    public SparkSettingsPolicy {
        allowedConf = allowedConf == null ? DEFAULT_ALLOWED : List.copyOf(allowedConf);
    }

    /** The policy with {@link #DEFAULT_ALLOWED}. */
    public static SparkSettingsPolicy defaults() {
        return new SparkSettingsPolicy(null);
    }

    /** Why an experiment may not set {@code key}; empty when it may. */
    public Optional<String> refusal(String key) {
        if (NEVER.stream().anyMatch(p -> p.matcher(key).matches())) {
            return Optional.of("is never allowed in an experiment's run settings: it could run code or reach "
                    + "beyond the run (see docs/security.md)");
        }
        if (allowedConf.stream().map(SparkSettingsPolicy::glob).noneMatch(p -> p.matcher(key).matches())) {
            return Optional.of("is not among the Spark settings an experiment may set "
                    + "(easel.run-settings.allowed-conf: " + String.join(", ", allowedConf) + ")");
        }
        return Optional.empty();
    }

    private static Pattern glob(String pattern) {
        String[] parts = pattern.toLowerCase(Locale.ROOT).split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
