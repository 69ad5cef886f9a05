package io.easel.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.easel.component.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * What the engine tells the server about a run. These messages and the experiment JSON are the whole contract
 * between the two; times are epoch milliseconds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunEvent.RunStarted.class, name = "run-started"),
    @JsonSubTypes.Type(value = RunEvent.NodeStatusChanged.class, name = "node-status"),
    @JsonSubTypes.Type(value = RunEvent.NodeOutput.class, name = "node-output"),
    @JsonSubTypes.Type(value = RunEvent.NodeProgress.class, name = "node-progress"),
    @JsonSubTypes.Type(value = RunEvent.ModelExported.class, name = "model-exported"),
    @JsonSubTypes.Type(value = RunEvent.RunFinished.class, name = "run-finished")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface RunEvent {

    long at();

    /** The Spark application is up. */
    record RunStarted(String sparkAppId, String sparkUiUrl, long at) implements RunEvent {}

    /**
     * @param message why a node failed or was skipped; null otherwise
     * @param reusedFrom for a node that succeeded without running: the run that computed the outputs it reuses
     *     (its fingerprint matched); null otherwise
     * @param rerunReason for a node that ran although an earlier run of the same experiment had it: why it could not
     *     reuse that run's outputs ("param maxDepth changed (5 → 7)", "upstream node split changed", "forced" …); null
     *     otherwise
     */
    record NodeStatusChanged(String nodeId, NodeState state, String message, long at, String reusedFrom,
            String rerunReason) implements RunEvent {

        public NodeStatusChanged(String nodeId, NodeState state, String message, long at) {
            this(nodeId, state, message, at, null, null);
        }
    }

    /**
     * How far a running node's Spark work has got: the tasks of the stages it has started so far and how many of them
     * have finished ({@code tasksDone ≤ tasksTotal}). The total grows as the node starts further jobs, so the fraction
     * is an estimate, not a promise. Sent at most twice a second per run and only while it changes; not kept in the
     * event log or {@code status.json} (it means nothing once the node has ended).
     */
    record NodeProgress(String nodeId, long tasksDone, long tasksTotal, long at) implements RunEvent {

        public NodeProgress {
            if (tasksDone < 0 || tasksTotal < 0 || tasksDone > tasksTotal) {
                throw new IllegalArgumentException("Progress " + tasksDone + " of " + tasksTotal + " tasks");
            }
        }
    }

    /** What one output port of a succeeded node holds. */
    record NodeOutput(String nodeId, String port, PortResult result, long at) implements RunEvent {}

    /**
     * A trained scoring pipeline written as PMML to the model store.
     *
     * @param uri where the PMML file is, e.g. {@code file:/…/model.pmml} or {@code hdfs://…/model.pmml}
     * @param inputs the raw columns a scoring request carries
     * @param label the target column, or null
     * @param metrics evaluation metrics known for it, by name
     * @param lineage where the model came from (upstream nodes and their params, source files, versions, PMML
     *     checksum); null from engines older than lineage
     * @param parity whether the PMML predicts what Spark predicted on a sample of rows; null from engines older than
     *     the parity check
     * @param profile how the data it trained on was distributed, input by input (for drift monitoring); null from
     *     engines older than training profiles
     */
    record ModelExported(String nodeId, String port, String uri, List<ColumnSpec> inputs, ColumnSpec label,
            Map<String, Object> metrics, long at, ModelLineage lineage, ParityReport parity, TrainingProfile profile)
            implements RunEvent {

        public ModelExported(String nodeId, String port, String uri, List<ColumnSpec> inputs, ColumnSpec label,
                Map<String, Object> metrics, long at, ModelLineage lineage, ParityReport parity) {
            this(nodeId, port, uri, inputs, label, metrics, at, lineage, parity, null);
        }

        public ModelExported(String nodeId, String port, String uri, List<ColumnSpec> inputs, ColumnSpec label,
                Map<String, Object> metrics, long at, ModelLineage lineage) {
            this(nodeId, port, uri, inputs, label, metrics, at, lineage, null, null);
        }

        public ModelExported(String nodeId, String port, String uri, List<ColumnSpec> inputs, ColumnSpec label,
                Map<String, Object> metrics, long at) {
            this(nodeId, port, uri, inputs, label, metrics, at, null, null, null);
        }
    }

    record RunFinished(RunState state, String message, long at) implements RunEvent {}
}
