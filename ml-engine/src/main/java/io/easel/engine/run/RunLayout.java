package io.easel.engine.run;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;

/**
 * Where everything of one run goes.
 *
 * <pre>
 * workspace/&lt;runId&gt;/events.jsonl                     every event, one JSON object a line, as it happens
 * workspace/&lt;runId&gt;/status.json                      final state of the run and of each node
 * workspace/&lt;runId&gt;/nodes/&lt;nodeId&gt;/&lt;port&gt;/          a table output, as Parquet
 * modelStore/&lt;runId&gt;/&lt;nodeId&gt;/model.pmml + model.json  a trained scoring pipeline and its description
 * </pre>
 *
 * Node ids and port names come from the experiment; characters a path cannot hold are escaped as {@code _xx}.
 */
public record RunLayout(String runId, Path workspace, Path modelStore) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]");

    public RunLayout {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(modelStore, "modelStore");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("Run id '" + runId
                    + "' must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public Path runDirectory() {
        return new Path(workspace, runId);
    }

    public Path events() {
        return new Path(runDirectory(), "events.jsonl");
    }

    public Path status() {
        return new Path(runDirectory(), "status.json");
    }

    public Path tableOutput(String nodeId, String port) {
        return new Path(new Path(new Path(runDirectory(), "nodes"), segment(nodeId)), segment(port));
    }

    /**
     * The model directory of a node; a node with more than one model port gets one sub-directory per port so the
     * common case keeps the short layout.
     */
    public Path modelDirectory(String nodeId, String port, boolean nodeHasOneModelPort) {
        Path node = new Path(new Path(modelStore, runId), segment(nodeId));
        return nodeHasOneModelPort ? node : new Path(node, segment(port));
    }

    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (SAFE.matcher(ch).matches() && !(out.isEmpty() && ch.equals("."))) {
                out.append(ch);
            } else {
                for (byte b : ch.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('_').append(String.format("%02x", b & 0xff));
                }
            }
        });
        return out.isEmpty() ? "_" : out.toString();
    }
}
