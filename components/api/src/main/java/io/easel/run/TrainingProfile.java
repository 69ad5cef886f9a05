package io.easel.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the data a model trained on was distributed, input by input: what a deployment compares its served inputs with
 * to measure drift (PSI). The engine computes it at export from the raw records that fed training; the server keeps it
 * with the model version.
 *
 * @param rows the training records counted
 * @param features one distribution per raw input a scoring request carries, in the model's input order
 * @param notProfiled why the profile could not be computed (no raw records of the model, a failure), else null; the
 *     features are then empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingProfile(long rows, List<Feature> features, String notProfiled) {

    /** How a feature's values fall into bins. */
    public enum Kind {
        /**
         * Bins between quantile edges {@code e0 < e1 < … < e(k-1)}: bin 0 holds values below e0, bin i values from
         * e(i-1) (included) to e(i) (excluded), bin k values from e(k-1) up. NaN counts as missing.
         */
        NUMERIC,
        /**
         * One bin per frequent category (compared as text: {@code true}, {@code 2024-01-31}), then one for every other
         * value.
         */
        CATEGORICAL
    }

    /**
     * One input's distribution in training. Its bins, in order: the value bins of its {@link Kind}, then the missing
     * one (null); {@link #shares} has one entry per bin and sums to 1.
     *
     * @param edges the bin edges of a numeric feature, ascending and distinct; empty for a categorical one
     * @param categories the most frequent values of a categorical feature, most frequent first; empty for a numeric
     *     one. A categorical feature's value bins are these, then "any other value".
     * @param shares the share of the training records in each bin, the missing bin last
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feature(String name, Kind kind, List<Double> edges, List<String> categories, List<Double> shares) {

        /** Value bins plus the missing bin. */
        public int binCount() {
            return kind == Kind.NUMERIC ? edges.size() + 2 : categories.size() + 2;
        }

        /** The index of the missing bin (the last). */
        public int missingBin() {
            return binCount() - 1;
        }
    }

    /** A profile that could not be computed; the reason is kept. */
    public static TrainingProfile notProfiled(String reason) {
        return new TrainingProfile(0, List.of(), reason);
    }

    /** Whether the features were profiled. */
    public boolean profiled() {
        return notProfiled == null;
    }
}
