package io.easel.server.settings;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code easel.*} that several features share.
 *
 * @param dataDir where Easel keeps its database, run workspaces and models unless told otherwise
 * @param modelStore where the engine writes trained models (a Hadoop FileSystem URI: {@code file:/…} or
 *     {@code hdfs://…}); null for {@code file:<data-dir>/models}
 */
@ConfigurationProperties("easel")
public record EaselProperties(@DefaultValue("./data") Path dataDir, String modelStore) {

    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

    /** The model store URI, defaulted. */
    public String modelStoreUri() {
        return modelStore == null || modelStore.isBlank()
                ? absoluteDataDir().resolve("models").toUri().toString()
                : modelStore;
    }
}
