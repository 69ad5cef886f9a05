package io.easel.engine.cache;

import io.easel.component.ModelSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.Trainer;
import java.util.concurrent.Callable;

/**
 * A model output found in the cache, before its fitted pipeline is loaded: its spec and learner are at hand (nodes
 * downstream bind against them), the pipeline is loaded on the first {@link #model()}.
 * Loading a fitted GBDT reads every tree back with Spark, which a re-run that only changed an evaluation downstream
 * never needs.
 */
public final class StoredModel {

    private final String runId;
    private final ModelSpec spec;
    private final Trainer trainer;
    private final Callable<ModelData> loader;
    private ModelData loaded;

    /** @param runId the run that trained and stored it */
    StoredModel(String runId, ModelSpec spec, Trainer trainer, Callable<ModelData> loader) {
        this.runId = runId;
        this.spec = spec;
        this.trainer = trainer;
        this.loader = loader;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The learner that trained it, to train it again; null when it cannot be. */
    public Trainer trainer() {
        return trainer;
    }

    /**
     * The model, its fitted pipeline loaded on the first call.
     *
     * @throws StoredModelUnavailable when the stored pipeline cannot be loaded (the entry is then dropped, so that
     *     the next run trains the model again)
     */
    public synchronized ModelData model() {
        if (loaded == null) {
            try {
                loaded = loader.call();
            } catch (Exception e) { // Spark ML throws SparkException (checked) undeclared
                throw new StoredModelUnavailable("The model that run " + runId + " trained and stored cannot be "
                        + "loaded. It is dropped from the stored outputs: run again and it is trained anew", e);
            }
        }
        return loaded;
    }

    /** A stored model that cannot be loaded. */
    public static final class StoredModelUnavailable extends RuntimeException {
        StoredModelUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
