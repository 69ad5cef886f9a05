package io.easel.components.spi;

import io.easel.run.ModelDescription;
import static org.apache.spark.sql.functions.array_max;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * <p>{@code pipeline} holds the fitted stages the trainer built on its input table (feature encoding, assembly, the
 * model, label decoding). Applied to a table with the training columns it adds the {@link ModelSpec#outputs()} plus
 * helper columns whose names start with {@value #INTERNAL_PREFIX}. Together with {@code lineage} it is the whole
 * scoring pipeline from raw records, which is what gets exported.
 *
 * @param labels the class labels in the order of the model's probability vector; empty for other models
 * @param metrics training-time facts worth showing (tree count, rows seen …)
 * @param slots the name of each slot of the model's feature vector, in order ({@code purpose=radio/tv} for a
 *     one-hot slot), which is what feature importances and coefficients are reported by
 * @param trainer how to train the same learner again (cross-validation, tuning); null when it cannot be
 */
public record ModelData(ModelSpec spec, FeatureLineage lineage, PipelineModel pipeline, List<String> labels,
        Map<String, Object> metrics, List<String> slots, Trainer trainer) {

    public static final String INTERNAL_PREFIX = "__easel_";
    public static final String PREDICTION = "prediction";
    /**
     * An output column of classifiers: for two classes the probability of the positive (second) class, for more the
     * probability of the predicted class; for a classifier without probabilities, its margin for the positive class
     * (for more classes, the margin of the predicted class).
     */
    public static final String SCORE = "score";
    public static final String PROBABILITY = "probability";
    /** The internal column of a classifier's raw prediction (margins), from which a margin score is taken. */
    public static final String RAW_PREDICTION = INTERNAL_PREFIX + "raw_prediction";
    /**
     * Metadata key on the {@value #SCORE} column of a scored table: the label value the score is the probability
     * (or margin) of, so that an evaluation downstream knows the positive class without being told. Only for two
     * classes.
     */
    public static final String POSITIVE_LABEL_METADATA = "easel.positiveLabel";
    /** Metadata key on the {@value #SCORE} column: the label column the model was trained on. */
    public static final String LABEL_COLUMN_METADATA = "easel.labelColumn";
    /** Metadata key on the {@value #SCORE} column: whether scores are probabilities (else margins). */
    public static final String SCORE_IS_PROBABILITY_METADATA = "easel.scoreIsProbability";
    /**
     * Metadata key on the {@value #PROBABILITY} column of a scored table: the class label (as text) each slot of the
     * vector is the probability of, in slot order ({@link #labels()}), so that an evaluation downstream can tell the
     * probability of the true class. The column also carries {@value #LABEL_COLUMN_METADATA}.
     */
    public static final String CLASS_LABELS_METADATA = "easel.classLabels";

    /** @see ModelDescription#INPUT_BOUNDARY_FACT */
    public static final String INPUT_BOUNDARY_FACT = ModelDescription.INPUT_BOUNDARY_FACT;
    /** @see ModelDescription#INPUT_BOUNDARY_NODE_FACT */
    public static final String INPUT_BOUNDARY_NODE_FACT = ModelDescription.INPUT_BOUNDARY_NODE_FACT;
    /**
     * Training fact of a model that is not exported to PMML (so not deployable) although its learner's models are: a
     * sentence saying why. Either a step upstream has no PMML form (feature hashing, word embeddings …: the sentence
     * names it), or the model takes a vector column as raw input (read by a source, or made after a new lineage), and
     * PMML has no vector fields. Absent otherwise.
     */
    public static final String NOT_EXPORTED_FACT = ModelDescription.NOT_EXPORTED_FACT;

    public ModelData {
        labels = List.copyOf(labels);
        metrics = withPmmlObstacle(withInputBoundary(metrics, lineage), spec, lineage);
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /** A model that cannot be trained again and names no feature slots. */
    public ModelData(ModelSpec spec, FeatureLineage lineage, PipelineModel pipeline, List<String> labels,
            Map<String, Object> metrics) {
        this(spec, lineage, pipeline, labels, metrics, List.of(), null);
    }

    /**
     * The input table with exactly the model's outputs appended (an input column of the same name is replaced), in
     * the order of {@link ModelSpec#outputs()}. The {@value #SCORE} and {@value #PROBABILITY} columns carry their
     * meaning in their metadata.
     */
    public Dataset<Row> score(Dataset<Row> table) {
        List<String> outputNames = spec.outputs().stream().map(ColumnSpec::name).toList();
        Dataset<Row> input = table.drop(outputNames.toArray(String[]::new));
        Dataset<Row> transformed = pipeline.transform(input);
        Dataset<Row> withScore = outputNames.contains(SCORE)
                ? transformed.withColumn(SCORE, scoreColumn(transformed, outputNames).as(SCORE, scoreMetadata(
                        outputNames.contains(PROBABILITY))))
                : transformed;
        Dataset<Row> scored = outputNames.contains(PROBABILITY)
                ? withScore.withColumn(PROBABILITY, withScore.col(PROBABILITY).as(PROBABILITY, probabilityMetadata(
                        withScore.schema().apply(PROBABILITY).metadata())))
                : withScore;
        List<Column> selected = new ArrayList<>();
        for (String name : input.columns()) {
            selected.add(scored.col(quoted(name)));
        }
        outputNames.forEach(n -> selected.add(scored.col(n)));
        return scored.select(selected.toArray(Column[]::new));
    }

    private Column scoreColumn(Dataset<Row> transformed, List<String> outputNames) {
        if (outputNames.contains(PROBABILITY)) {
            Column probabilities = functions.vector_to_array(transformed.col(PROBABILITY), "float64");
            return labels.size() == 2 ? probabilities.getItem(1) : array_max(probabilities);
        }
        Column margins = functions.vector_to_array(transformed.col(RAW_PREDICTION), "float64");
        return labels.size() == 2 ? margins.getItem(1) : array_max(margins);
    }

    private Metadata scoreMetadata(boolean probability) {
        MetadataBuilder metadata = withLabelColumn(new MetadataBuilder());
        if (labels.size() == 2) {
            metadata.putString(POSITIVE_LABEL_METADATA, labels.get(1));
        }
        metadata.putBoolean(SCORE_IS_PROBABILITY_METADATA, probability);
        return metadata.build();
    }

    private Metadata probabilityMetadata(Metadata sparks) {
        return withLabelColumn(new MetadataBuilder().withMetadata(sparks))
                .putStringArray(CLASS_LABELS_METADATA, labels.toArray(String[]::new))
                .build();
    }

    private MetadataBuilder withLabelColumn(MetadataBuilder metadata) {
        if (spec.label() != null) {
            metadata.putString(LABEL_COLUMN_METADATA, spec.label().name());
        }
        return metadata;
    }

    /** Lineage steps followed by the model's own stages: the scoring pipeline from raw records. */
    public PipelineModel scoringPipelineFromRaw() {
        List<Transformer> stages = new ArrayList<>(lineage.steps());
        stages.addAll(Arrays.asList(pipeline.stages()));
        return new PipelineModel(UUID.randomUUID().toString(), stages.toArray(Transformer[]::new));
    }

    /** The stage of a given class, e.g. the fitted estimator, if the pipeline has one. */
    public <T extends PipelineStage> Optional<T> stage(Class<T> type) {
        return Arrays.stream(pipeline.stages()).filter(type::isInstance).map(type::cast).findFirst();
    }

    /** This model with other training facts. */
    public ModelData withMetrics(Map<String, Object> newMetrics) {
        return new ModelData(spec, lineage, pipeline, labels, newMetrics, slots, trainer);
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Why this model has no PMML form though its learner has one (see {@link #NOT_EXPORTED_FACT}), if so. */
    public Optional<String> pmmlObstacle() {
        return Optional.ofNullable((String) metrics.get(NOT_EXPORTED_FACT));
    }

    /** Says why in the facts when a step upstream has no PMML form, or the model takes a vector as raw input. */
    private static Map<String, Object> withPmmlObstacle(Map<String, Object> metrics, ModelSpec spec,
            FeatureLineage lineage) {
        if (lineage == null || metrics.containsKey(NOT_EXPORTED_FACT)) {
            return metrics;
        }
        Optional<String> obstacle = lineage.pmmlGap().map(FeatureLineage.PmmlGap::sentence);
        if (obstacle.isEmpty() && spec != null) {
            List<String> raw = Arrays.asList(lineage.rawSchema().fieldNames());
            obstacle = spec.features().stream()
                    .filter(f -> f.type() == DataType.VECTOR && raw.contains(f.name()))
                    .findFirst()
                    .map(f -> "Not exported to PMML: the model takes the vector column '" + f.name()
                            + "' as raw input" + lineage.inputBoundary().map(b -> " (as it comes out of '"
                            + b.title() + "', node " + b.nodeId() + ")").orElse("") + ", and PMML has no vector "
                            + "inputs. Train it on the columns that vector was made from to deploy it.");
        }
        if (obstacle.isEmpty()) {
            return metrics;
        }
        Map<String, Object> facts = new LinkedHashMap<>(metrics);
        facts.put(NOT_EXPORTED_FACT, obstacle.get());
        return Map.copyOf(facts);
    }

    private static Map<String, Object> withInputBoundary(Map<String, Object> metrics, FeatureLineage lineage) {
        if (lineage == null || lineage.inputBoundary().isEmpty()) {
            return Map.copyOf(metrics);
        }
        FeatureLineage.InputBoundary boundary = lineage.inputBoundary().get();
        Map<String, Object> facts = new LinkedHashMap<>(metrics);
        facts.put(INPUT_BOUNDARY_FACT, "This model takes the records as they come out of '" + boundary.title()
                + "' (node " + boundary.nodeId() + "), not the records the sources read: that step has no PMML form.");
        facts.put(INPUT_BOUNDARY_NODE_FACT, boundary.nodeId());
        return Map.copyOf(facts);
    }
}
