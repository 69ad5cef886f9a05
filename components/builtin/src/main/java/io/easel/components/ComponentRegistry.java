package io.easel.components;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.components.spi.SparkComponent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The components on a class path, loaded by class name from the {@value #INDEX} files that the build of each
 * component jar writes (the built-in one and every plugin's), merged; without any index, by scanning the class path
 * for the built-in components the same way the build does. Gives the {@link Catalog} and a component by id; two
 * components with one id are refused, naming both jars.
 */
public final class ComponentRegistry {

    /** One component class name per line; written next to the catalog by {@link CatalogWriter}. */
    public static final String INDEX = "META-INF/easel/components.index";

    private final Map<String, SparkComponent> byId = new LinkedHashMap<>();
    private final Catalog catalog;

    private ComponentRegistry(List<SparkComponent> components) {
        List<ComponentDescriptor> descriptors = new ArrayList<>();
        for (SparkComponent component : components) {
            ComponentDescriptor descriptor = component.descriptor();
            SparkComponent other = byId.putIfAbsent(descriptor.id(), component);
            if (other != null) {
                throw new IllegalStateException("Two component classes have the id '" + descriptor.id() + "': "
                        + origin(other) + " and " + origin(component) + "; remove one of the jars or rename the id");
            }
            descriptors.add(descriptor);
        }
        this.catalog = new Catalog(descriptors);
    }

    /** The components on the class path of this class. */
    public static ComponentRegistry load() {
        return load(ComponentRegistry.class.getClassLoader());
    }

    public static ComponentRegistry load(ClassLoader loader) {
        List<String> classNames = readIndexes(loader).orElseGet(() -> ComponentScan.onClassPath(loader));
        return of(classNames, loader);
    }

    static ComponentRegistry of(List<String> classNames, ClassLoader loader) {
        List<SparkComponent> components = new ArrayList<>();
        for (String name : classNames) {
            components.add(instantiate(name, loader));
        }
        return new ComponentRegistry(components);
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public SparkComponent byId(String id) {
        SparkComponent component = byId.get(id);
        if (component == null) {
            throw new IllegalArgumentException("Unknown component '" + id + "' (this build has "
                    + new TreeSet<>(byId.keySet()) + ")");
        }
        return component;
    }

    public Optional<SparkComponent> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** In catalog order. */
    public List<SparkComponent> components() {
        return catalog.components().stream().map(d -> byId.get(d.id())).toList();
    }

    /** The class and the jar (or directory) it came from, for messages. */
    private static String origin(SparkComponent component) {
        Class<?> type = component.getClass();
        var source = type.getProtectionDomain().getCodeSource();
        return type.getName() + (source == null || source.getLocation() == null ? ""
                : " (" + source.getLocation() + ")");
    }

    /** Class names from every index on the class path, or empty when there is none. */
    private static Optional<List<String>> readIndexes(ClassLoader loader) {
        try {
            List<URL> indexes = Collections.list(loader.getResources(INDEX));
            if (indexes.isEmpty()) {
                return Optional.empty();
            }
            TreeSet<String> names = new TreeSet<>();
            for (URL index : indexes) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .forEach(names::add);
                }
            }
            return Optional.of(List.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the component index " + INDEX, e);
        }
    }

    private static SparkComponent instantiate(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!SparkComponent.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " is listed as a component but does not implement "
                        + SparkComponent.class.getName());
            }
            return (SparkComponent) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Component class " + className + " is listed in " + INDEX
                    + " but not on the class path", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("Component class " + className
                    + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Component class " + className + " failed to start: "
                    + e.getCause(), e.getCause());
        }
    }
}
