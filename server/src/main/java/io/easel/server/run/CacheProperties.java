package io.easel.server.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The workspace cache of node outputs that later runs reuse ({@code easel.cache.*}, docs/run-outputs.md).
 *
 * @param maxSize how large the cache may grow (manifests, saved models and feature steps; tables belong to the runs
 *     that wrote them): each run, when it ends, evicts the least recently used entries beyond it; 0 for no limit
 */
@ConfigurationProperties("easel.cache")
public record CacheProperties(@DefaultValue("10GB") DataSize maxSize) {

    public CacheProperties {
        if (maxSize == null || maxSize.isNegative()) {
            throw new IllegalArgumentException("easel.cache.max-size must be 0 (no limit) or a size like 10GB, not "
                    + maxSize);
        }
    }
}
