package io.easel.server.deployment.compiled;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.Map;
import org.jpmml.evaluator.FieldValue;

/** Scores one record whose values the model's input fields have already prepared (checked, cast, replaced). */
@FunctionalInterface
public interface RecordScorer {

    /**
     * @return the prediction, or null when this scorer gives none (the interpreter: the model returned nothing; a
     *     compiled scorer: the record needs the interpreter, e.g. a missing value a tree cannot route)
     * @throws RuntimeException when the interpreter cannot evaluate the record
     */
    Prediction score(Map<String, FieldValue> arguments);
}
