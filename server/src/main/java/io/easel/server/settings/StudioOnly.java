package io.easel.server.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean (controller, service, configuration) that exists in the studio ({@code easel.mode=studio}, the default) and
 * not on a serving replica ({@code easel.mode=serving}): editing experiments, running them, changing deployments.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = EaselProperties.MODE, havingValue = "studio", matchIfMissing = true)
public @interface StudioOnly {}
