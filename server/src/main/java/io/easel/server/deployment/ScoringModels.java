package io.easel.server.deployment;

import io.easel.server.model.ModelStore;
import io.easel.server.model.ModelVersionView;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluators by (model, version), built once from the PMML in the model store. A version never changes, so an entry
 * never goes stale; the cache only bounds memory (least recently used out). Everything else a request needs comes
 * from the database, so any replica can serve any deployment.
 */
@Component
class ScoringModels {

    private final ModelStore store;
    private final Map<Key, ScoringModel> cache;

    ScoringModels(ModelStore store, @Value("${easel.scoring.cached-models:32}") int capacity) {
        this.store = store;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ScoringModel> eldest) {
                return size() > capacity;
            }
        };
    }

    ScoringModel forVersion(ModelVersionView version) {
        Key key = new Key(version.modelId(), version.version());
        synchronized (cache) {
            ScoringModel cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Loaded outside the lock: a slow store must not hold up other models. Two racing loads are harmless.
        ScoringModel loaded = load(version);
        synchronized (cache) {
            return cache.computeIfAbsent(key, k -> loaded);
        }
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
