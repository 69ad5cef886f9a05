package io.easel.run;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where everything of one run goes, as paths relative to the workspace and the model store roots (both any Hadoop
 * file system URI). The engine writes by it, the server reads by it.
 *
 * <pre>
 * workspace/&lt;runId&gt;/experiment.json                 the experiment as submitted (for drivers on a cluster)
 * workspace/&lt;runId&gt;/events.jsonl                    every event, one JSON object a line, as it happens
 * workspace/&lt;runId&gt;/status.json                     final state of the run and of each node ({@link RunStatus})
 * workspace/&lt;runId&gt;/log.jsonl                       the driver's log of the run, one {@link RunLogLine} a line, capped
 * workspace/&lt;runId&gt;/nodes/&lt;nodeId&gt;/&lt;port&gt;/         a table output, as Parquet
 * &lt;table output&gt;/_statistics.json                     its column statistics, once asked for ({@link #statistics})
 * &lt;table output&gt;/_statistics.failed                   why a statistics job could not write them ({@link #statisticsFailure})
 * workspace/&lt;runId&gt;/fingerprints.json               the fingerprint of each node of the run (why a later run re-ran it)
 * workspace/cache/&lt;scope&gt;/&lt;fingerprint&gt;/manifest.json   a node's stored outputs, which later runs of the scope (an
 *                                                     Easel workspace) reuse ({@link #cacheEntry})
 * workspace/cache/&lt;scope&gt;/steps/&lt;runId&gt;/             fitted feature steps those outputs' lineages share
 * modelStore/&lt;runId&gt;/&lt;nodeId&gt;[/&lt;port&gt;]/model.pmml    a trained scoring pipeline, and model.json ({@link ModelDescription})
 * </pre>
 *
 * Node ids and port names come from the experiment; characters a path cannot hold are escaped as {@code _xx}.
 */
public final class WorkspaceLayout {

    public static final String EXPERIMENT = "experiment.json";
    public static final String EVENTS = "events.jsonl";
    public static final String STATUS = "status.json";
    public static final String MODEL_PMML = "model.pmml";
    public static final String MODEL_DESCRIPTION = "model.json";
    public static final String FINGERPRINTS = "fingerprints.json";
    public static final String LOG = "log.jsonl";
    /** The workspace directory of node outputs that any later run may reuse; never a run id. */
    public static final String CACHE = "cache";
    /** The cache scope of runs that name none (an engine started by hand). */
    public static final String DEFAULT_CACHE_SCOPE = "default";

    /**
     * In a table output's directory (Spark's readers skip names starting with '_'): its column statistics, a data
     * profile report ({@code kind}, {@code metrics}, {@code charts}) the engine writes when they are first asked for.
     */
    public static final String STATISTICS = "_statistics.json";
    /**
     * Beside {@link #STATISTICS}, instead of it: one line saying why a statistics job on a cluster could not compute
     * them, which the server shows once and removes so that asking again tries again.
     */
    public static final String STATISTICS_FAILURE = "_statistics.failed";

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]");

    private WorkspaceLayout() {}

    /**
     * @throws IllegalArgumentException unless the run id is a plain name (it becomes a directory)
     */
    public static String checkRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches() || runId.equals(CACHE)) {
            throw new IllegalArgumentException("Run id '" + runId + "' must be 1-128 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, and not '" + CACHE + "'");
        }
        return runId;
    }

    /** A file directly in the run's directory of the workspace, e.g. {@link #STATUS}. */
    public static String runFile(String runId, String file) {
        return checkRunId(runId) + "/" + file;
    }

    public static String status(String runId) {
        return runFile(runId, STATUS);
    }

    public static String events(String runId) {
        return runFile(runId, EVENTS);
    }

    public static String log(String runId) {
        return runFile(runId, LOG);
    }

    public static String experiment(String runId) {
        return runFile(runId, EXPERIMENT);
    }

    /** The column statistics of the table output at {@code location} (a URI, as a {@link PortResult} gives it). */
    public static String statistics(String location) {
        return (location.endsWith("/") ? location : location + "/") + STATISTICS;
    }

    /** Why the column statistics of the table output at {@code location} could not be computed, when they could not. */
    public static String statisticsFailure(String location) {
        return (location.endsWith("/") ? location : location + "/") + STATISTICS_FAILURE;
    }

    public static String fingerprints(String runId) {
        return runFile(runId, FINGERPRINTS);
    }

    /**
     * The directory of the stored outputs of a node whose fingerprint (SHA-256, hex) is {@code fingerprint}, among
     * those runs of {@code scope} share: outputs are reused only within the scope they were computed in.
     */
    public static String cacheEntry(String scope, String fingerprint) {
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'" + fingerprint + "' is not a fingerprint (64 hex digits)");
        }
        return cacheScope(scope) + "/" + fingerprint;
    }

    /** The directory of a cache scope; the scope is a plain name, like a run id. */
    public static String cacheScope(String scope) {
        if (scope == null || !RUN_ID.matcher(scope).matches()) {
            throw new IllegalArgumentException("Cache scope '" + scope + "' must be 1-128 letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit");
        }
        return CACHE + "/" + scope;
    }

    /** The directory of one table output in the workspace. */
    public static String tableOutput(String runId, String nodeId, String port) {
        return checkRunId(runId) + "/nodes/" + segment(nodeId) + "/" + segment(port);
    }

    /**
     * The model directory of a node in the model store; a node with more than one model port gets one
     * sub-directory per port so the common case keeps the short layout.
     */
    public static String modelDirectory(String runId, String nodeId, String port, boolean nodeHasOneModelPort) {
        String node = checkRunId(runId) + "/" + segment(nodeId);
        return nodeHasOneModelPort ? node : node + "/" + segment(port);
    }

    /** A name as one path segment: safe characters kept, others (and a leading dot) escaped as {@code _xx}. */
    public static String segment(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (SAFE.matcher(ch).matches() && !(out.isEmpty() && ch.equals("."))) {
                out.append(ch);
            } else {
                for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                    out.append('_').append(String.format("%02x", b & 0xff));
                }
            }
        });
        return out.isEmpty() ? "_" : out.toString();
    }
}
