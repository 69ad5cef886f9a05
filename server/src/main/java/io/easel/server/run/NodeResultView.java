package io.easel.server.run;

import io.easel.run.NodeState;
import io.easel.run.PortResult;
import java.util.Map;

/** What one node of a run produced, by output port name. */
public record NodeResultView(String nodeId, NodeState state, String message, Map<String, PortResult> outputs) {}
