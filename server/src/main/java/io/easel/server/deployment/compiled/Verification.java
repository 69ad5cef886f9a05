package io.easel.server.deployment.compiled;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jpmml.evaluator.FieldValue;

/**
 * Whether a compiled scorer answers as the interpreter does on a set of prepared records: the same predicted class
 * or a value within {@link #TOLERANCE}, the same classes in the same order, each probability within it. A record the
 * compiled scorer leaves to the interpreter agrees by construction.
 *
 * @param records how many records were compared
 * @param compiledAnswers how many of them the compiled scorer answered itself
 * @param mismatch the first disagreement, or null when there was none
 */
public record Verification(int records, int compiledAnswers, String mismatch) {

    public static final double TOLERANCE = 1e-12;

    public boolean passed() {
        return mismatch == null;
    }

    public static Verification of(RecordScorer interpreter, RecordScorer compiled,
            List<Map<String, FieldValue>> records) {
        int answered = 0;
        for (int i = 0; i < records.size(); i++) {
            Map<String, FieldValue> record = records.get(i);
            Prediction candidate = compiled.score(record);
            if (candidate == null) {
                continue;
            }
            answered++;
            Prediction reference;
            try {
                reference = interpreter.score(record);
            } catch (RuntimeException e) {
                return new Verification(i + 1, answered, "record " + record + ": the interpreter cannot score it ("
                        + e.getMessage() + "), the compiled model answered " + candidate);
            }
            String difference = difference(reference, candidate);
            if (difference != null) {
                return new Verification(i + 1, answered, "record " + record + ": " + difference);
            }
        }
        return new Verification(records.size(), answered, null);
    }

    /** What differs, or null. */
    public static String difference(Prediction reference, Prediction candidate) {
        if (reference == null) {
            return "the interpreter gives no prediction, the compiled model " + candidate;
        }
        String said = "interpreter " + reference + ", compiled " + candidate;
        boolean samePrediction = reference.prediction() instanceof Double expected
                && candidate.prediction() instanceof Double actual ? close(expected, actual)
                        : Objects.equals(reference.prediction(), candidate.prediction());
        if (!samePrediction || !close(reference.score(), candidate.score())) {
            return said;
        }
        Map<String, Double> expected = reference.probabilities();
        Map<String, Double> actual = candidate.probabilities();
        if (expected == null || actual == null) {
            return expected == actual ? null : said;
        }
        if (!List.copyOf(expected.keySet()).equals(List.copyOf(actual.keySet()))) {
            return said;
        }
        Iterator<Double> values = actual.values().iterator();
        for (Double probability : expected.values()) {
            if (!close(probability, values.next())) {
                return said;
            }
        }
        return null;
    }

    private static boolean close(Double expected, Double actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        return Math.abs(expected - actual) <= TOLERANCE;
    }
}
