package io.easel.server.settings;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of everything Easel stores or hands to the engine (jsonb columns, experiment files). Fixed here rather
 * than taken from the web mapper, so {@code spring.jackson.*} settings for the REST API never change stored data.
 */
public final class StoredJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredJson() {}
}
