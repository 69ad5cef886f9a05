package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All components, as data. The engine builds it from the component classes; the server reads the same thing from
 * the {@value #RESOURCE} resource that the build writes, so it never needs a component class.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public final class Catalog {

    public static final String RESOURCE = "META-INF/easel/catalog.json";
    public static final int FORMAT_VERSION = 1;

    private final Map<String, ComponentDescriptor> byId = new LinkedHashMap<>();

    @JsonCreator
    public Catalog(@JsonProperty("components") List<ComponentDescriptor> components) {
        components.stream()
                .sorted(Comparator.comparing(ComponentDescriptor::category).thenComparing(ComponentDescriptor::id))
                .forEach(c -> {
                    if (byId.put(c.id(), c) != null) {
                        throw new IllegalArgumentException("Two components have the id '" + c.id() + "'");
                    }
                });
    }

    @JsonProperty("formatVersion")
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    @JsonProperty("components")
    public List<ComponentDescriptor> components() {
        return List.copyOf(byId.values());
    }

    public Optional<ComponentDescriptor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
