package io.easel.server.run;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RunConfiguration {

    /** The default launcher; any other {@link EngineLauncher} bean replaces it. */
    @Bean
    @ConditionalOnMissingBean(EngineLauncher.class)
    EngineLauncher sparkDriverLauncher(EngineProperties settings) {
        return new SparkDriverLauncher(settings);
    }
}
