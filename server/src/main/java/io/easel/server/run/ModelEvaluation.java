package io.easel.server.run;

import java.util.Map;

/**
 * The report of an evaluation node that measured a model in the run that trained it (the node is downstream of the
 * model's node: e.g. model → predict → evaluate).
 *
 * @param label the node's label on the canvas, or null
 * @param component the evaluation's component id, e.g. {@code binary-classification-evaluation}
 * @param port the report's output port
 * @param metrics the report's metrics as the run stored them, by name (e.g. {@code auc})
 */
public record ModelEvaluation(String nodeId, String label, String component, String port,
        Map<String, Object> metrics) {}
