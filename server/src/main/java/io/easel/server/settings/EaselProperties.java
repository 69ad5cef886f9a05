package io.easel.server.settings;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code easel.*} that several features share.
 *
 * @param dataDir where Easel keeps its database, run workspaces and models unless told otherwise
 * @param modelStore where the engine writes trained models (a Hadoop FileSystem URI: {@code file:/…} or
 *     {@code hdfs://…}); null for {@code file:<data-dir>/models}
 * @param mode {@code studio} (the default: the UI, experiments, runs, deployments and scoring) or {@code serving} (a
 *     scoring replica: only {@code /api/score/**}, read-only {@code /api/deployments} and {@code /api/models}, and
 *     health; no engine, no UI). Serving replicas share the studio's database ({@code spring.datasource.url}) and
 *     model store, and see its deployment changes on the next request.
 * @param pluginsDir a directory of plugin jars of components, read at start: their components join the catalog and
 *     every run's engine gets the jars; null for {@code <data-dir>/plugins} (which need not exist)
 */
@ConfigurationProperties("easel")
public record EaselProperties(@DefaultValue("./data") Path dataDir, String modelStore,
        @DefaultValue("studio") String mode, Path pluginsDir) {

    /** The property that chooses the mode. */
    public static final String MODE = "easel.mode";

    @ConstructorBinding
    public EaselProperties {
        if (mode != null && !mode.equals("studio") && !mode.equals("serving")) {
            throw new IllegalArgumentException("easel.mode must be 'studio' or 'serving', not '" + mode + "'");
        }
    }

    public EaselProperties(Path dataDir, String modelStore) {
        this(dataDir, modelStore, "studio", null);
    }

    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

    /** The model store URI, defaulted. */
    public String modelStoreUri() {
        return modelStore == null || modelStore.isBlank()
                ? absoluteDataDir().resolve("models").toUri().toString()
                : modelStore;
    }

    /** The plugins directory, defaulted, absolute. */
    public Path absolutePluginsDir() {
        return pluginsDir == null ? absoluteDataDir().resolve("plugins") : pluginsDir.toAbsolutePath().normalize();
    }

    public boolean serving() {
        return "serving".equals(mode);
    }
}
