package io.easel.engine.report;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The engine's one JSON mapping (Jackson 2): the experiment graph it reads and the {@code io.easel.run} messages it
 * writes. Those records carry their own Jackson annotations, so plain settings suffice.
 */
public final class EngineJson {

    private EngineJson() {}

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                // A newer server may add fields the engine does not know; they must not break a run.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // NaN and infinite metrics stay valid JSON.
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
    }
}
