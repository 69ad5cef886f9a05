package io.easel.server.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the runs of one experiment are launched, as an engineer tuned it: Spark resources and extra Spark settings.
 * Every null field (and every Spark setting not named in {@code conf}) keeps the server's {@code easel.engine.*}
 * value. The master and the Spark distribution are the operator's choice, not the experiment's, so they are not here.
 *
 * @param deployMode {@code client} (the driver runs beside the server) or {@code cluster} (on a cluster node)
 * @param driverMemory the driver's heap, a Spark size such as {@code 512m} or {@code 4g}
 * @param driverCores cores of the driver (cluster deploy mode)
 * @param executorMemory each executor's heap, a Spark size
 * @param executorCores cores of each executor
 * @param numExecutors how many executors to ask for ({@code spark.executor.instances})
 * @param conf extra Spark settings; keys start with {@code spark.}; they win over {@code easel.engine.spark-conf.*}
 */
public record RunSettings(String deployMode, String driverMemory, Integer driverCores, String executorMemory,
        Integer executorCores, Integer numExecutors, Map<String, String> conf) {

    /** Nothing overridden. */
    public static final RunSettings NONE = new RunSettings(null, null, null, null, null, null, Map.of());

    public static final Set<String> DEPLOY_MODES = Set.of("client", "cluster");

    /** Spark's size syntax with a unit (a bare number would be bytes, which is never what anyone means). */
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,8}[kmgt]b?", Pattern.CASE_INSENSITIVE);

    /** Settings that have a field of their own, or that are not the experiment's to choose. */
    private static final Set<String> RESERVED_CONF = Set.of("spark.master", "spark.submit.deployMode",
            "spark.driver.memory", "spark.driver.cores", "spark.executor.memory", "spark.executor.cores",
            "spark.executor.instances", "spark.app.name");

    public RunSettings {
        // A TreeMap keeps a stable order (and tolerates the null values validation then reports).
        conf = conf == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conf));
    }

    /** One thing wrong, named by its field ({@code driverMemory}, {@code conf.spark.foo}). */
    public record Problem(String field, String message) {}

    public static boolean isSize(String value) {
        return value != null && SIZE.matcher(value.strip()).matches();
    }

    /**
     * Everything wrong with these settings, and every Spark setting {@code policy} does not let an experiment set;
     * empty when they can be used.
     */
    public List<Problem> problems(SparkSettingsPolicy policy) {
        List<Problem> problems = problems();
        conf.keySet().stream()
                .filter(key -> key != null && key.startsWith("spark.") && !RESERVED_CONF.contains(key))
                .forEach(key -> policy.refusal(key).ifPresent(why -> problems.add(new Problem("conf." + key, why))));
        return problems;
    }

    /**
     * Everything wrong with the form of these settings (sizes, counts, keys), whatever an administrator allows;
     * empty when they are well formed.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (deployMode != null && !DEPLOY_MODES.contains(deployMode)) {
            problems.add(new Problem("deployMode", "must be 'client' or 'cluster', not '" + deployMode + "'"));
        }
        size(problems, "driverMemory", driverMemory);
        size(problems, "executorMemory", executorMemory);
        positive(problems, "driverCores", driverCores);
        positive(problems, "executorCores", executorCores);
        positive(problems, "numExecutors", numExecutors);
        conf.forEach((key, value) -> {
            if (key == null || !key.startsWith("spark.") || key.length() == "spark.".length()) {
                problems.add(new Problem("conf." + key, "is not a Spark setting: keys start with 'spark.'"));
            } else if (RESERVED_CONF.contains(key)) {
                problems.add(new Problem("conf." + key, "cannot be set here"
                        + (key.equals("spark.master") ? " (the master is the server's easel.engine.master)"
                                : "; use the run setting of its own")));
            } else if (value == null || value.isBlank()) {
                problems.add(new Problem("conf." + key, "has no value"));
            }
        });
        return problems;
    }

    private static void size(List<Problem> problems, String field, String value) {
        if (value != null && !isSize(value)) {
            problems.add(new Problem(field, "must be a size with a unit such as 512m or 4g, not '" + value + "'"));
        }
    }

    private static void positive(List<Problem> problems, String field, Integer value) {
        if (value != null && value < 1) {
            problems.add(new Problem(field, "must be at least 1, not " + value));
        }
    }
}
