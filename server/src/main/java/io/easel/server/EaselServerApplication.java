package io.easel.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The Easel REST API without the UI. Users start {@code io.easel.studio.EaselStudioApplication}, which imports this
 * one; this one alone is what the server's tests and headless deployments run.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:easel-server-defaults.properties")
public class EaselServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(EaselServerApplication.class, args);
    }
}
