package io.easel.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.easel.component.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} written beside every {@code model.pmml} ({@link WorkspaceLayout#MODEL_DESCRIPTION}): what a
 * scoring request must carry and what comes back, readable without parsing the PMML. The engine writes it; the
 * server reads it when registering a model whose export event did not say.
 *
 * @param inputs the raw columns a scoring request carries (the columns the experiment read, less the label)
 * @param label the target column as read, or null for unsupervised models
 * @param classLabels the classes in the order of the probability outputs; empty for regression
 * @param outputs the columns the model adds when applied in the experiment
 * @param pmml the PMML file's name, relative to this file
 * @param lineage where the model came from, as its export event said (the model store keeps it beside the PMML);
 *     null in files written before lineage was recorded
 * @param parity whether the PMML predicts what Spark predicted, checked at export; null in files written before
 *     parity was checked
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelDescription(int formatVersion, String runId, String nodeId, String port, String algorithm,
        List<ColumnSpec> inputs, ColumnSpec label, List<String> classLabels, List<ColumnSpec> outputs,
        Map<String, Object> metrics, String pmml, long exportedAt, ModelLineage lineage, ParityReport parity,
        TrainingProfile profile) {

    public static final int FORMAT_VERSION = 1;

    /** A description without a training profile. */
    public ModelDescription(int formatVersion, String runId, String nodeId, String port, String algorithm,
            List<ColumnSpec> inputs, ColumnSpec label, List<String> classLabels, List<ColumnSpec> outputs,
            Map<String, Object> metrics, String pmml, long exportedAt, ModelLineage lineage, ParityReport parity) {
        this(formatVersion, runId, nodeId, port, algorithm, inputs, label, classLabels, outputs, metrics, pmml,
                exportedAt, lineage, parity, null);
    }

    /** A description without a parity report. */
    public ModelDescription(int formatVersion, String runId, String nodeId, String port, String algorithm,
            List<ColumnSpec> inputs, ColumnSpec label, List<String> classLabels, List<ColumnSpec> outputs,
            Map<String, Object> metrics, String pmml, long exportedAt, ModelLineage lineage) {
        this(formatVersion, runId, nodeId, port, algorithm, inputs, label, classLabels, outputs, metrics, pmml,
                exportedAt, lineage, null, null);
    }

    /**
     * Key in {@link #metrics} (a model's training facts) of a model whose lineage starts at a step with no PMML form
     * (a join, SQL, a group-by): a sentence naming that step, since the deployed model takes the records as they come
     * out of it, not as the sources read them. Absent for models that take the sources' records.
     */
    public static final String INPUT_BOUNDARY_FACT = "inputRecords";
    /** Key in {@link #metrics} beside {@link #INPUT_BOUNDARY_FACT}: the id of the node whose output the model takes. */
    public static final String INPUT_BOUNDARY_NODE_FACT = "inputRecordsNode";
    /**
     * Key in a model's training facts when it is not exported to PMML (so not deployable) although its learner's
     * models are: a sentence saying why (a step upstream with no PMML form, or a vector column as raw input).
     */
    public static final String NOT_EXPORTED_FACT = "notExported";
}
