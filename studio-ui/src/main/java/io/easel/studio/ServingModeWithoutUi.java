package io.easel.studio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On a serving replica ({@code easel.mode=serving}) the studio jar serves scoring only: Vaadin's auto-configurations
 * are added to {@code spring.autoconfigure.exclude}, so no Vaadin servlet, no routes and no UI start, and the same
 * jar runs both roles. Runs after the configuration files and environment are read, whichever of them sets the mode.
 */
public final class ServingModeWithoutUi implements EnvironmentPostProcessor, Ordered {

    static final List<String> VAADIN_AUTO_CONFIGURATIONS = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"serving".equals(environment.getProperty("easel.mode"))) {
            return;
        }
        List<String> excluded = new ArrayList<>();
        String configured = environment.getProperty(EXCLUDE, "");
        Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(excluded::add);
        VAADIN_AUTO_CONFIGURATIONS.stream().filter(c -> !excluded.contains(c)).forEach(excluded::add);
        environment.getPropertySources().addFirst(new MapPropertySource("easel-serving-mode",
                Map.of(EXCLUDE, String.join(",", excluded))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
