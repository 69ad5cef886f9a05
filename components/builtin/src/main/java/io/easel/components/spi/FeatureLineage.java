package io.easel.components.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.types.StructType;

/**
 * How a table was derived, column-wise, from the raw records a source read: the source schema and the fitted
 * transformers applied since. Row-level steps (split, filter, sample) do not appear: they do not change how one
 * record is computed. A model carries its training table's lineage, which is what makes its exported pipeline take
 * raw records.
 *
 * <p>Some steps have no PMML form (a join, SQL over tables, a group-by): what they output cannot be computed from one
 * raw record. Such a step starts a new lineage whose raw schema is its own output, and records itself as an
 * {@link InputBoundary}: a model trained downstream takes the records as they come out of that step, not as the
 * sources read them.
 *
 * @param rawSchema the columns as the source (or the last input boundary) produced them
 * @param steps fitted, column-wise transformers, in order, each convertible to PMML
 * @param boundaries the steps that started a new lineage on the way here, oldest first; the last one is where the
 *     {@code rawSchema} comes from. Empty when the raw schema is a source's.
 * @param pmmlGaps the steps of {@code steps} that have no PMML form (feature hashing, word embeddings, word
 *     segmentation), oldest first: Spark replays them, but a model trained downstream cannot be exported, and says
 *     why. Empty when every step converts.
 */
public record FeatureLineage(StructType rawSchema, List<Transformer> steps, List<InputBoundary> boundaries,
        List<PmmlGap> pmmlGaps) {

    /**
     * A step after which records are "raw" again.
     *
     * @param nodeId the node that ran the step
     * @param title the step's component title (English), to name it to a user
     */
    public record InputBoundary(String nodeId, String title) {}

    /**
     * A step of the lineage that Spark runs but PMML cannot express, so models trained downstream are not deployable.
     *
     * @param nodeId the node that ran the step
     * @param title the step's component title (English), to name it to a user
     * @param reason why it has no PMML form, as a clause ("feature hashing is not part of PMML")
     */
    public record PmmlGap(String nodeId, String title, String reason) {

        /** The sentence a model trained downstream carries. */
        public String sentence() {
            return "This model cannot be exported to PMML or deployed: it depends on '" + title + "' (node " + nodeId
                    + "), and " + reason + ".";
        }
    }

    public FeatureLineage {
        steps = List.copyOf(steps);
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
        pmmlGaps = pmmlGaps == null ? List.of() : List.copyOf(pmmlGaps);
    }

    public FeatureLineage(StructType rawSchema, List<Transformer> steps, List<InputBoundary> boundaries) {
        this(rawSchema, steps, boundaries, List.of());
    }

    public FeatureLineage(StructType rawSchema, List<Transformer> steps) {
        this(rawSchema, steps, List.of());
    }

    public static FeatureLineage source(StructType rawSchema) {
        return new FeatureLineage(rawSchema, List.of());
    }

    /**
     * A lineage that starts at a step without a PMML form, whose output has {@code schema}.
     *
     * @param upstream the lineages of the step's inputs, whose boundaries are kept for the record
     */
    public static FeatureLineage startingAt(InputBoundary boundary, StructType schema, List<FeatureLineage> upstream) {
        List<InputBoundary> all = new ArrayList<>();
        upstream.forEach(l -> l.boundaries().stream().filter(b -> !all.contains(b)).forEach(all::add));
        all.add(boundary);
        return new FeatureLineage(schema, List.of(), all);
    }

    public FeatureLineage then(Transformer step) {
        List<Transformer> next = new ArrayList<>(steps);
        next.add(step);
        return new FeatureLineage(rawSchema, next, boundaries, pmmlGaps);
    }

    /** This lineage followed by a step with no PMML form: models downstream of it are not deployable. */
    public FeatureLineage thenWithoutPmml(Transformer step, PmmlGap gap) {
        List<PmmlGap> gaps = new ArrayList<>(pmmlGaps);
        gaps.add(gap);
        FeatureLineage next = then(step);
        return new FeatureLineage(rawSchema, next.steps(), boundaries, gaps);
    }

    /** The first step with no PMML form, if any: what keeps models trained downstream from being deployed. */
    public Optional<PmmlGap> pmmlGap() {
        return pmmlGaps.isEmpty() ? Optional.empty() : Optional.of(pmmlGaps.getFirst());
    }

    /** The step whose output is this lineage's raw input, when it is not a source. */
    public Optional<InputBoundary> inputBoundary() {
        return boundaries.isEmpty() ? Optional.empty() : Optional.of(boundaries.getLast());
    }
}
