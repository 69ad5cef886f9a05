package io.easel.components.spi;

import io.easel.component.ColumnSpec;
import io.easel.component.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * A trained model flowing between nodes.
 *
 * <p>{@code pipeline} holds the fitted stages the trainer built on its input table (feature indexers, assembler,
 * the model, label decoding), every one convertible to PMML. Applied to a table with the training columns it adds
 * the {@link ModelSpec#outputs()} plus helper columns whose names start with {@value #INTERNAL_PREFIX}. Together
 * with {@code lineage} it is the whole scoring pipeline from raw records, which is what gets exported.
 *
 * <p>Trainers that assemble one vector slot per feature keep {@link ModelSpec#features()} in slot order, so slot
 * {@code i} of the model's feature vector (and of its feature importances) is {@code spec.features().get(i)}.
 *
 * @param labels the class labels in the order of the model's probability vector; empty for regression
 * @param metrics training-time facts worth showing (tree count, rows seen …)
 */
public record ModelData(ModelSpec spec, FeatureLineage lineage, PipelineModel pipeline, List<String> labels,
        Map<String, Object> metrics) {

    public static final String INTERNAL_PREFIX = "__easel_";
    /** An output column holding the probability of the positive class, the second label. */
    public static final String SCORE = "score";
    public static final String PROBABILITY = "probability";
    /**
     * Metadata key on the {@value #SCORE} column of a scored table: the label value the score is the probability
     * of, so that an evaluation downstream knows the positive class without being told.
     */
    public static final String POSITIVE_LABEL_METADATA = "easel.positiveLabel";
    /** Metadata key on the {@value #SCORE} column: the label column the model was trained on. */
    public static final String LABEL_COLUMN_METADATA = "easel.labelColumn";

    public ModelData {
        labels = List.copyOf(labels);
        metrics = Map.copyOf(metrics);
    }

    /**
     * The input table with exactly the model's outputs appended (an input column of the same name is replaced), in
     * the order of {@link ModelSpec#outputs()}. The {@value #SCORE} column carries the positive label in its metadata
     * ({@value #POSITIVE_LABEL_METADATA}).
     */
    public Dataset<Row> score(Dataset<Row> table) {
        List<String> outputNames = spec.outputs().stream().map(ColumnSpec::name).toList();
        Dataset<Row> input = table.drop(outputNames.stream().filter(n -> !n.equals(SCORE)).toArray(String[]::new));
        Dataset<Row> transformed = pipeline.transform(input);
        Dataset<Row> scored = outputNames.contains(SCORE)
                ? transformed.withColumn(SCORE, functions.vector_to_array(transformed.col(PROBABILITY), "float64")
                        .getItem(labels.size() - 1).as(SCORE, scoreMetadata()))
                : transformed;
        List<Column> selected = new ArrayList<>();
        for (String name : input.columns()) {
            if (!outputNames.contains(name)) {
                selected.add(scored.col(name));
            }
        }
        outputNames.forEach(n -> selected.add(scored.col(n)));
        return scored.select(selected.toArray(Column[]::new));
    }

    private Metadata scoreMetadata() {
        MetadataBuilder metadata = new MetadataBuilder();
        if (!labels.isEmpty()) {
            metadata.putString(POSITIVE_LABEL_METADATA, labels.get(labels.size() - 1));
        }
        if (spec.label() != null) {
            metadata.putString(LABEL_COLUMN_METADATA, spec.label().name());
        }
        return metadata.build();
    }

    /** Lineage steps followed by the model's own stages: the scoring pipeline from raw records. */
    public PipelineModel scoringPipelineFromRaw() {
        List<Transformer> stages = new ArrayList<>(lineage.steps());
        stages.addAll(Arrays.asList(pipeline.stages()));
        return new PipelineModel(java.util.UUID.randomUUID().toString(), stages.toArray(Transformer[]::new));
    }

    /** The stage of a given class, e.g. the fitted estimator, if the pipeline has one. */
    public <T extends PipelineStage> java.util.Optional<T> stage(Class<T> type) {
        return Arrays.stream(pipeline.stages()).filter(type::isInstance).map(type::cast).findFirst();
    }
}
