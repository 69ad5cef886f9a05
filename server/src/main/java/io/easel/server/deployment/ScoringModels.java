package io.easel.server.deployment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * Evaluators by (model, version), built once from the PMML in the model store. A version never changes, so an entry
 * never goes stale; the cache only bounds memory (least recently used out). Reads take no lock, so concurrent
 * requests never wait for each other here; a version is loaded once however many requests ask for it at the same
 * time, and loading one model holds up no request for another.
 */
@Component
class ScoringModels {

    private final ModelStore store;
    private final Cache<Key, ScoringModel> cache;

    ScoringModels(ModelStore store, @Value("${easel.scoring.cached-models:32}") int capacity) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** @throws UnservableModelException when the version's PMML cannot be read or evaluated (not cached) */
    ScoringModel forVersion(ModelVersionView version) {
        return cache.get(new Key(version.modelId(), version.version()), key -> load(version));
    }

    private ScoringModel load(ModelVersionView version) {
        byte[] pmml = store.read(version.pmmlUri());
        try {
            Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(new ByteArrayInputStream(pmml)).build();
            evaluator.verify();
            return new ScoringModel(version, evaluator, ModelCategories.of(((HasPMML) evaluator).getPMML(),
                    evaluator.getInputFields()));
        } catch (Exception e) {
            throw new UnservableModelException(version, e);
        }
    }

    private record Key(UUID modelId, int version) {}
}
