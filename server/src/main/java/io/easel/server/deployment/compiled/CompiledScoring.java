package io.easel.server.deployment.compiled;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.List;
import java.util.Map;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how a model version is scored when it is loaded: compiled, when the compiler translates its PMML and the
 * compiled model answers as the interpreter does on every verification record; else by the interpreter, saying why
 * in the log (once per loaded version).
 */
public final class CompiledScoring {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledScoring.class);
    /** Records synthesised to verify a compiled model on; about as long to score as loading the PMML takes. */
    static final int VERIFICATION_RECORDS = 500;
    private static final long VERIFICATION_SEED = 20261201L;

    private CompiledScoring() {}

    /** @param version names the model version in the log */
    public static RecordScorer scorerFor(Evaluator evaluator, String version) {
        RecordScorer interpreter = new InterpretedScorer(evaluator);
        CompiledScorer compiled;
        try {
            compiled = CompiledScorer.compile(evaluator);
        } catch (NotCompilableException e) {
            LOG.info("Model {} is scored by the interpreter: its PMML holds {}, which the compiler does not "
                    + "translate", version, e.getMessage());
            return interpreter;
        }
        List<Map<String, FieldValue>> records = VerificationRecords.synthesise(evaluator, VERIFICATION_RECORDS,
                VERIFICATION_SEED);
        Verification verification = Verification.of(interpreter, compiled, records);
        if (!verification.passed()) {
            LOG.info("Model {} is scored by the interpreter: its compiled form disagrees with it on {}", version,
                    verification.mismatch());
            return interpreter;
        }
        LOG.info("Model {} is scored compiled (trees: {}): it answered {} of {} verification records itself, each as "
                + "the interpreter does", version, compiled.trees(), verification.compiledAnswers(),
                verification.records());
        return withFallback(compiled, interpreter);
    }

    /** The compiled scorer, and the interpreter for the records it leaves to it. */
    public static RecordScorer withFallback(CompiledScorer compiled, RecordScorer interpreter) {
        return arguments -> {
            Prediction prediction = compiled.score(arguments);
            return prediction != null ? prediction : interpreter.score(arguments);
        };
    }
}
