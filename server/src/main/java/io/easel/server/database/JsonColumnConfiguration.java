package io.easel.server.database;

import io.easel.server.settings.StoredJson;
import org.hibernate.cfg.MappingSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JsonColumnConfiguration {

    @Bean
    HibernatePropertiesCustomizer jsonColumnFormat() {
        return properties -> properties.put(MappingSettings.JSON_FORMAT_MAPPER, new JsonColumnFormat(StoredJson.MAPPER));
    }
}
