package io.easel.server.deployment.compiled;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasProbability;
import org.jpmml.evaluator.TargetField;

/** JPMML-Evaluator's interpreter: the reference every compiled scorer must agree with. */
public final class InterpretedScorer implements RecordScorer {

    private final Evaluator evaluator;
    private final TargetField target;

    public InterpretedScorer(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.target = evaluator.getTargetFields().isEmpty() ? null : evaluator.getTargetFields().getFirst();
    }

    @Override
    public Prediction score(Map<String, FieldValue> arguments) {
        Map<String, ?> results = evaluator.evaluate(arguments);
        Object raw = target == null ? null : results.get(target.getName());
        Object prediction = EvaluatorUtil.decode(raw);
        if (prediction == null) {
            return null;
        }
        if (!(raw instanceof HasProbability probable)) {
            return new Prediction(prediction, null, null);
        }
        List<?> categories = target.getCategories() != null ? target.getCategories()
                : List.copyOf(probable.getCategories());
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (Object category : categories) {
            probabilities.put(String.valueOf(category), probable.getProbability(category));
        }
        Double score = categories.size() == 2 ? probable.getProbability(categories.get(1)) : null;
        return new Prediction(prediction, probabilities, score);
    }
}
