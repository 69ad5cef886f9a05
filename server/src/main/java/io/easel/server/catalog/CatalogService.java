package io.easel.server.catalog;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.server.settings.StoredJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The components Easel offers, read once from the {@value Catalog#RESOURCE} resource that the components build writes.
 * The server knows components only as this data; it never loads a component class.
 */
@Service
public class CatalogService {

    private final Catalog catalog;

    public CatalogService() {
        this.catalog = load();
    }

    public Catalog catalog() {
        return catalog;
    }

    public Optional<ComponentDescriptor> find(String id) {
        return catalog.find(id);
    }

    private static Catalog load() {
        ClassLoader loader = CatalogService.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(Catalog.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No component catalog on the classpath (" + Catalog.RESOURCE
                        + "): the easel-components-builtin catalog jar is missing");
            }
            return StoredJson.MAPPER.readValue(in, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the component catalog " + Catalog.RESOURCE, e);
        }
    }
}
