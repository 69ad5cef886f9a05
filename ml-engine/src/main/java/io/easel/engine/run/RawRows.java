package io.easel.engine.run;

import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.ModelData;
import io.easel.graph.PortRef;
import io.easel.run.ModelLineage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which raw records of a model the export looks at: tables the run computed upstream of the model whose rows are still
 * raw records of the model's lineage (same raw schema, no feature step applied yet: a source's output, a split or
 * filter of it, the output of the last input boundary).
 *
 * <p>The parity check ({@link io.easel.engine.export.ParityCheck}) takes {@link #heldOut}: a table that does not feed
 * the model's training first (the test side of a split: rows the model did not train on), then one in the run's order.
 * When feature steps come before the split, the held-out side is no longer raw, and the check takes the source's rows,
 * some of which the model trained on: the check compares PMML with Spark, not the model with the truth, so that only
 * weakens how unusual the rows are.
 *
 * <p>The training profile ({@link io.easel.engine.export.TrainingProfiler}) takes {@link #trainedOn}: a table that
 * feeds training, the one nearest the model (the training side of a split rather than the whole source), so that
 * drift is measured against what the model learnt from.
 */
final class RawRows {

    private RawRows() {}

    /**
     * @param lineage the model's node and every node upstream of it, as the run computed them
     * @param values every port value the run has so far
     * @return the table's rows, or null when the run has no table of raw records for the model
     */
    static Dataset<Row> heldOut(ModelData model, List<ModelLineage.Step> lineage, Map<PortRef, PortValue> values) {
        Set<PortRef> feedsTraining = feedsTraining(lineage);
        List<String> order = lineage.stream().map(ModelLineage.Step::node).toList();
        return find(model, lineage, values, Comparator.<Map.Entry<PortRef, PortValue>, Boolean>comparing(
                        e -> feedsTraining.contains(e.getKey()))
                .thenComparing(e -> order.indexOf(e.getKey().node())));
    }

    /** The same arguments as {@link #heldOut}; null when the run has no raw records that fed the model's training. */
    static Dataset<Row> trainedOn(ModelData model, List<ModelLineage.Step> lineage, Map<PortRef, PortValue> values) {
        Set<PortRef> feedsTraining = feedsTraining(lineage);
        List<String> order = lineage.stream().map(ModelLineage.Step::node).toList();
        Map<PortRef, PortValue> feeding = values.entrySet().stream().filter(e -> feedsTraining.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return find(model, lineage, feeding,
                Comparator.<Map.Entry<PortRef, PortValue>>comparingInt(e -> -order.indexOf(e.getKey().node())));
    }

    private static Dataset<Row> find(ModelData model, List<ModelLineage.Step> lineage, Map<PortRef, PortValue> values,
            Comparator<Map.Entry<PortRef, PortValue>> preference) {
        Set<String> upstream = lineage.stream().map(ModelLineage.Step::node).collect(Collectors.toSet());
        return values.entrySet().stream()
                .filter(e -> upstream.contains(e.getKey().node()))
                .filter(e -> e.getValue() instanceof PortValue.Table table && raw(table.data().lineage(), model))
                .min(preference.thenComparing(e -> e.getKey().port()))
                .map(e -> ((PortValue.Table) e.getValue()).data().rows())
                .orElse(null);
    }

    /** The ports whose tables are inputs of the model's node or of a node upstream of it. */
    private static Set<PortRef> feedsTraining(List<ModelLineage.Step> lineage) {
        return lineage.stream().flatMap(step -> step.inputs().values().stream()).collect(Collectors.toSet());
    }

    /** Whether a table's rows are raw records of the model's lineage: its raw schema, no feature step applied. */
    private static boolean raw(FeatureLineage table, ModelData model) {
        return table != null && table.steps().isEmpty()
                && table.rawSchema().equals(model.lineage().rawSchema());
    }
}
