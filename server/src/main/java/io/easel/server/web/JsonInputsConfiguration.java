package io.easel.server.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * How the REST API reads JSON: strictly. A key the endpoint does not know, the same key twice in one object, a number
 * with a fraction where a whole number is expected and text holding a NUL character are refused with a 400 that names
 * where they are, instead of being dropped, decided by whichever came last, cut to a whole number, or failing in the
 * database.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputsConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInputs() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new NulCharacters());
    }
}
