package io.easel.server.deployment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.easel.server.deployment.compiled.CompiledScoring;
import io.easel.server.deployment.compiled.InterpretedScorer;
import io.easel.server.deployment.compiled.RecordScorer;
import io.easel.server.model.ModelStore;
import io.easel.server.model.ModelVersionView;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluators by (model, version), built once from the PMML in the model store, tree models compiled (see
 * {@link CompiledScoring}). A version never changes, so an entry never goes stale; the cache only bounds memory
 * (least recently used out). Reads take no lock, so concurrent requests never wait for each other here; a version is
 * loaded once however many requests ask for it at the same time, and loading one model holds up no request for
 * another.
 */
@Component
class ScoringModels {

    private final ModelStore store;
    private final Cache<Key, ScoringModel> cache;
    private final boolean compiled;

    /** @param compiled whether tree models are compiled (each checked against the interpreter when loaded) */
    ScoringModels(ModelStore store, @Value("${easel.scoring.cached-models:32}") int capacity,
            @Value("${easel.scoring.compiled:true}") boolean compiled) {
        this.store = store;
        this.compiled = compiled;
        this.cache = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** @throws UnservableModelException when the version's PMML cannot be read or evaluated (not cached) */
    ScoringModel forVersion(ModelVersionView version) {
        return cache.get(new Key(version.modelId(), version.version()), key -> load(version));
    }

    /** Whether the version is in the cache now, so that scoring it reads and compiles nothing. */
    boolean isLoaded(UUID modelId, int version) {
        return cache.getIfPresent(new Key(modelId, version)) != null;
    }

    private ScoringModel load(ModelVersionView version) {
        byte[] pmml = store.read(version.pmmlUri());
        try {
            Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(new ByteArrayInputStream(pmml)).build();
            evaluator.verify();
            RecordScorer scorer = compiled
                    ? CompiledScoring.scorerFor(evaluator, version.modelId() + " version " + version.version())
                    : new InterpretedScorer(evaluator);
            return new ScoringModel(version, evaluator, ModelCategories.of(((HasPMML) evaluator).getPMML(),
                    evaluator.getInputFields()), scorer);
        } catch (Exception e) {
            throw new UnservableModelException(version, e);
        }
    }

    private record Key(UUID modelId, int version) {}
}
