package io.easel.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server on a random port with a real embedded PostgreSQL in a fresh data directory, with the example
 * plugin installed in its plugins directory. Test classes with the same annotation (and no other configuration)
 * share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EaselServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {FreshDataDirectory.class, ExamplePlugin.class})
public @interface ServerTest {}
