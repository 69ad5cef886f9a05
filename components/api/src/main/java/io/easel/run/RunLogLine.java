package io.easel.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One line of a run's log ({@link WorkspaceLayout#LOG}): what the driver logged while the run went on, tagged with the
 * node it was running, one JSON object a line. The engine writes it, the server serves it page by page.
 *
 * @param at epoch milliseconds
 * @param level ERROR, WARN, INFO …
 * @param node the node under way when the line was logged; null for the run's own lines (starting, ending, between
 *     nodes)
 * @param logger where it was logged, in short ({@code TaskSetManager}, {@code ExperimentRun})
 * @param detail the stack trace of a logged exception, shortened; null without one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunLogLine(long at, String level, String node, String logger, String message, String detail) {

    public RunLogLine {
        Objects.requireNonNull(level, "level");
        message = message == null ? "" : message;
    }

    public boolean of(String nodeId) {
        return Objects.equals(node, nodeId);
    }
}
