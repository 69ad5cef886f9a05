package io.easel.components.spi;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.types.StructType;

/**
 * How a table was derived, column-wise, from the raw records a source read: the source schema and the fitted
 * transformers applied since. Row-level steps (split, filter, sample) do not appear: they do not change how one
 * record is computed. A model carries its training table's lineage, which is what makes its exported pipeline take
 * raw records.
 *
 * @param rawSchema the columns as the source produced them
 * @param steps fitted, column-wise transformers, in order, each convertible to PMML
 */
public record FeatureLineage(StructType rawSchema, List<Transformer> steps) {

    public FeatureLineage {
        steps = List.copyOf(steps);
    }

    public static FeatureLineage source(StructType rawSchema) {
        return new FeatureLineage(rawSchema, List.of());
    }

    public FeatureLineage then(Transformer step) {
        List<Transformer> next = new ArrayList<>(steps);
        next.add(step);
        return new FeatureLineage(rawSchema, next);
    }
}
