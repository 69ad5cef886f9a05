package io.easel.server.catalog;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.server.plugin.PluginJars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The components Easel offers: the {@value Catalog#RESOURCE} of every component jar on the class path (the built-in
 * one) and in the plugins directory, merged once at start, as the engine merges their component indexes. The server
 * knows components only as this data; it never loads a component class. Two components with one id stop the start,
 * naming both jars.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final Catalog catalog;

    /** The catalogs on the class path only, without plugins: for tools and tests without a server. */
    public CatalogService() {
        this(PluginJars.none());
    }

    /** @throws IllegalStateException when there is no catalog, one cannot be read, or two declare one id */
    @Autowired
    public CatalogService(PluginJars plugins) {
        List<CatalogFile> files = new ArrayList<>(CatalogFile.onClassPath(CatalogService.class.getClassLoader()));
        if (files.isEmpty()) {
            throw new IllegalStateException("No component catalog on the classpath (" + Catalog.RESOURCE
                    + "): the easel-components-builtin catalog jar is missing");
        }
        for (Path jar : plugins.jars()) {
            CatalogFile.inJar(jar).ifPresentOrElse(files::add,
                    () -> log.info("Plugin jar {} declares no components: a library for the others", jar));
        }
        this.catalog = merge(files);
        if (!plugins.jars().isEmpty()) {
            log.info("Component catalog: {} components, from {} and the plugins in {}", catalog.components().size(),
                    files.stream().map(CatalogFile::origin).toList(), plugins.directory());
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public Optional<ComponentDescriptor> find(String id) {
        return catalog.find(id);
    }

    private static Catalog merge(List<CatalogFile> files) {
        Map<String, String> origins = new HashMap<>();
        List<ComponentDescriptor> all = new ArrayList<>();
        for (CatalogFile file : files) {
            for (ComponentDescriptor component : file.catalog().components()) {
                String other = origins.putIfAbsent(component.id(), file.origin());
                if (other != null) {
                    throw new IllegalStateException("Two component jars declare the component '" + component.id()
                            + "': " + other + " and " + file.origin() + ". Remove one of them from the plugins "
                            + "directory, or give the plugin's component another id");
                }
                all.add(component);
            }
        }
        return new Catalog(all);
    }
}
