package io.easel.server.run;

import io.easel.server.plugin.PluginJars;
import io.easel.server.settings.EaselProperties;
import io.easel.server.settings.StudioOnly;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
@StudioOnly
class RunConfiguration {

    /**
     * The default launcher: through Spark's launcher API when {@code easel.engine.spark-home} is set; else a child
     * process running SparkSubmit from the engine's jars, with the runs it can take going to the warm engine unless
     * {@code easel.engine.warm.enabled=false}; any other {@link EngineLauncher} bean replaces it.
     */
    @Bean
    @ConditionalOnMissingBean(EngineLauncher.class)
    EngineLauncher engineLauncher(EngineProperties settings, WarmEngineProperties warm, EngineEnvironment environment,
            PluginJars plugins, EaselProperties easel) {
        if (settings.sparkHome() != null) {
            return new SparkAppLauncher(settings, environment);
        }
        SparkDriverLauncher ownEngines = new SparkDriverLauncher(settings, environment);
        return warm.enabled()
                ? new WarmEngineLauncher(ownEngines, settings, warm, environment, plugins,
                        easel.absoluteDataDir().resolve("engines"))
                : ownEngines;
    }

    /** With {@code easel.engine.warm.prestart}, the first run finds the warm engine up. */
    @EventListener(ApplicationReadyEvent.class)
    void prestartWarmEngine(ApplicationReadyEvent ready) {
        WarmEngineProperties warm = ready.getApplicationContext().getBean(WarmEngineProperties.class);
        ObjectProvider<EngineLauncher> launcher = ready.getApplicationContext().getBeanProvider(EngineLauncher.class);
        if (warm.prestart() && launcher.getIfAvailable() instanceof WarmEngineLauncher warmLauncher) {
            warmLauncher.prestart();
        }
    }
}
