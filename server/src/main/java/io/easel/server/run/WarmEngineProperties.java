package io.easel.server.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warm engine ({@code easel.engine.warm.*}): in local mode, one long-lived driver takes run after run, so that an
 * interactive run pays no JVM or Spark start-up.
 *
 * @param enabled whether runs go to the warm engine where they can (local master, client deploy mode, the server's
 *     resources, Spark SQL settings only); other runs start an engine of their own, as they do when this is false
 * @param prestart start the warm engine when the server is ready, rather than with the first run
 * @param idleTimeout a warm engine without a run for this long exits, giving its memory back; the next run starts
 *     another
 * @param startTimeout a warm engine whose SparkContext is not up within this long is killed, failing its runs
 * @param cancelGrace a cancelled run still going after this long is left to finish on a warm engine that takes no
 *     more runs (it exits after its last one); the next run starts another
 */
@ConfigurationProperties("easel.engine.warm")
public record WarmEngineProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean prestart,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("3m") Duration startTimeout,
        @DefaultValue("10s") Duration cancelGrace) {}
