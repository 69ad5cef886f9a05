package io.easel.server.run;

import io.easel.server.settings.StudioOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@StudioOnly
class RunConfiguration {

    /**
     * The default launcher: through Spark's launcher API when {@code easel.engine.spark-home} is set, else a child
     * process running SparkSubmit from the engine's jars; any other {@link EngineLauncher} bean replaces it.
     */
    @Bean
    @ConditionalOnMissingBean(EngineLauncher.class)
    EngineLauncher engineLauncher(EngineProperties settings, EngineEnvironment environment) {
        return settings.sparkHome() != null ? new SparkAppLauncher(settings, environment)
                : new SparkDriverLauncher(settings, environment);
    }
}
