package io.easel.server.catalog;

import io.easel.component.Catalog;
import io.easel.server.settings.StoredJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One jar's {@value Catalog#RESOURCE} (each component jar's build writes one, listing its own components) and where
 * it came from, for messages. Read as a file: no class of the jar is ever loaded.
 *
 * @param origin the jar or class directory, e.g. {@code /srv/easel/plugins/acme-scoring.jar}
 */
record CatalogFile(String origin, Catalog catalog) {

    /** Every catalog on the class path of {@code loader}: the built-in one, and any other component jar's. */
    static List<CatalogFile> onClassPath(ClassLoader loader) {
        try {
            List<CatalogFile> found = new ArrayList<>();
            for (URL url : Collections.list(loader.getResources(Catalog.RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    found.add(read(origin(url), in));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the component catalogs " + Catalog.RESOURCE
                    + " on the class path", e);
        }
    }

    /** The catalog in a plugin jar, or empty when it has none (a library that plugins use). */
    static Optional<CatalogFile> inJar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(Catalog.RESOURCE);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(read(jar.toString(), in));
            }
        } catch (ZipException e) {
            throw new IllegalStateException("The plugin " + jar + " is not a jar: " + e.getMessage()
                    + "; remove it from the plugins directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the plugin jar " + jar, e);
        }
    }

    private static CatalogFile read(String origin, InputStream in) {
        try {
            return new CatalogFile(origin, StoredJson.MAPPER.readValue(in, Catalog.class));
        } catch (RuntimeException e) {
            // Jackson's errors, and the catalog's own refusal of two components with one id inside one jar
            throw new IllegalStateException("The component catalog of " + origin + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** {@code jar:file:/x/y.jar!/META-INF/easel/catalog.json} → {@code /x/y.jar}; a class directory likewise. */
    private static String origin(URL url) {
        String text = url.toString();
        String suffix = (text.startsWith("jar:") ? "!/" : "") + Catalog.RESOURCE;
        String location = text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
        location = location.replaceFirst("^jar:", "");
        return location.startsWith("file:") ? Path.of(java.net.URI.create(location)).toString() : location;
    }
}
