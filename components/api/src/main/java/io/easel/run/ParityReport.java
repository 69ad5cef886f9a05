package io.easel.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * Whether an exported model's PMML predicts what Spark predicts: at export the engine scores a sample of rows (held
 * out from training where the run has them) plus perturbed copies (an input missing, a text input holding a category
 * never seen in training) with both, and compares the predicted label or value and every probability. A model whose
 * PMML disagrees is {@link #flagged}: a deployment would not score as the experiment did.
 *
 * @param rowsCompared rows scored by both Spark and PMML (sampled and perturbed ones, less those Spark refused)
 * @param perturbedRows how many perturbed copies were scored (those Spark refused included)
 * @param refusedBySpark perturbed or sampled rows Spark refused to score (an invalid value it is set to fail on);
 *     not counted as disagreements
 * @param maxDifference the largest difference between a probability (or a regression's value, relative to it when
 *     above 1) Spark gave and the one PMML gave
 * @param labelMismatches rows whose predicted class or cluster differs, or that PMML could not score though Spark did
 * @param flagged whether the PMML disagrees: {@code maxDifference > }{@value #TOLERANCE} or any label mismatch
 * @param summary one sentence for people, e.g. "PMML agrees with Spark on 220 rows (max difference 3.3e-16)"
 * @param notChecked why the check could not run (no rows of the model's raw schema, a failure), else null; an unchecked
 *     model is not flagged
 * @param uncheckedBecause the same reason as a code the studio puts into the reader's language; null when checked (and
 *     in reports stored before codes existed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParityReport(int rowsCompared, int perturbedRows, int refusedBySpark, double maxDifference,
        int labelMismatches, boolean flagged, String summary, String notChecked, Unchecked uncheckedBecause) {

    /** Why a comparison could not run. */
    public enum Unchecked {
        /** The run computed no rows with the model's input columns. */
        NO_ROWS,
        /** The table of the model's raw records is empty. */
        EMPTY_TABLE,
        /** The comparison failed; {@link #notChecked} holds the failure's first line. */
        FAILED
    }

    /** The largest difference between Spark's and PMML's numbers that still counts as agreement. */
    public static final double TOLERANCE = 1e-9;

    /** A finished comparison; flag and summary follow from the counts. */
    public static ParityReport of(int rowsCompared, int perturbedRows, int refusedBySpark, double maxDifference,
            int labelMismatches) {
        boolean flagged = maxDifference > TOLERANCE || labelMismatches > 0;
        String difference = formatDifference(maxDifference);
        String refused = refusedBySpark == 0 ? ""
                : "; Spark refused " + refusedBySpark + " row" + (refusedBySpark == 1 ? "" : "s");
        String summary = flagged
                ? "PMML disagrees with Spark on " + rowsCompared + " rows: " + labelMismatches
                        + (labelMismatches == 1 ? " predicted label differs" : " predicted labels differ")
                        + ", max difference " + difference + refused
                : "PMML agrees with Spark on " + rowsCompared + " rows (max difference " + difference + refused + ")";
        return new ParityReport(rowsCompared, perturbedRows, refusedBySpark, maxDifference, labelMismatches, flagged,
                summary, null, null);
    }

    /** The check could not run; the model is not flagged, and the reason is kept. */
    public static ParityReport notChecked(Unchecked because, String reason) {
        return new ParityReport(0, 0, 0, 0, 0, false, "Not checked: " + reason, reason, because);
    }

    /** Whether the comparison ran. */
    public boolean checked() {
        return notChecked == null;
    }

    /** A difference as people read it: "0", "3.3e-16", "0.12". */
    public static String formatDifference(double difference) {
        return difference == 0 ? "0" : String.format(Locale.ROOT, "%.2g", difference);
    }
}
