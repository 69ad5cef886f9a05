package io.easel.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark settings a local driver (master {@code local[...]}) adds to those it was started with, for the small data
 * an analyst iterates on; a setting the run gives itself always wins, and a cluster driver keeps Spark's defaults.
 *
 * <ul>
 *   <li>{@code spark.sql.shuffle.partitions=8}: Spark's 200 make a 1,000-row aggregation or tree-learner iteration
 *       schedule 200 tiny tasks on two cores; adaptive execution coalesces partitions after a shuffle and splits
 *       skewed ones, so a larger table is not held to 8 either.
 *   <li>{@code spark.sql.adaptive.enabled=true}, {@code spark.sql.adaptive.coalescePartitions.enabled=true}: Spark's
 *       own defaults today, stated so that a cluster-wide spark-defaults.conf cannot turn them off for local work.
 *   <li>{@code spark.scheduler.mode=FAIR}: independent branches of a graph run side by side, each in a pool of its
 *       own, and share the cores rather than queue behind each other's jobs.
 *   <li>{@code spark.ui.showConsoleProgress=false}: the progress bar only fills the driver's log; the studio shows
 *       each node's progress.
 * </ul>
 */
final class DriverDefaults {

    private static final Map<String, String> LOCAL = localDefaults();

    private DriverDefaults() {}

    private static Map<String, String> localDefaults() {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("spark.sql.shuffle.partitions", "8");
        local.put("spark.sql.adaptive.enabled", "true");
        local.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        local.put("spark.scheduler.mode", "FAIR");
        local.put("spark.ui.showConsoleProgress", "false");
        return Map.copyOf(local);
    }

    /**
     * The settings to add to a driver started with {@code given} (spark-submit's settings, the run's own among them):
     * those of the local defaults it does not set, none for a cluster master.
     *
     * @param master the driver's master URL
     */
    static Map<String, String> missingFrom(SparkConf given, String master) {
        if (!master.startsWith("local")) {
            return Map.of();
        }
        Map<String, String> missing = new LinkedHashMap<>();
        LOCAL.forEach((key, value) -> {
            if (!given.contains(key)) {
                missing.put(key, value);
            }
        });
        return missing;
    }
}
