package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.easel.component.Text;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import java.util.Map;

/** What one node of a run produced, by output port name. */
public record NodeResultView(String nodeId, NodeState state, String message, Map<String, PortResult> outputs) {

    /** Why the node failed or was skipped, in plain words in both languages (see {@link NodeRunView#cause()}). */
    @JsonProperty(value = "cause", access = JsonProperty.Access.READ_ONLY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Text cause() {
        return NodeRunView.causeOf(state, message);
    }
}
