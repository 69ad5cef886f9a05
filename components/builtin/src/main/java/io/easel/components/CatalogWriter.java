package io.easel.components;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.easel.component.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (Maven {@code process-classes}) of every component jar, the built-in one and each plugin: finds the
 * component classes among the jar's own compiled classes and writes {@value Catalog#RESOURCE} (every descriptor, as
 * data) and {@value ComponentRegistry#INDEX} (their class names) into the class output, so that no list of
 * components is kept by hand. Each jar's files list only its own components: the engine and the server merge them
 * across jars. The output is byte-for-byte the same for the same classes.
 *
 * <p>Usage: {@code CatalogWriter <classes directory> [<package> …]}; the packages to look in (and below) default to
 * the built-in {@value ComponentScan#BUILT_IN}.
 */
public final class CatalogWriter {

    private CatalogWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: CatalogWriter <classes directory> [<package> ...]");
        }
        Path classes = Path.of(args[0]);
        List<String> packages = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of(ComponentScan.BUILT_IN);
        List<String> written = write(classes, packages, Thread.currentThread().getContextClassLoader());
        System.out.println("Easel catalog: " + written.size() + " components of " + packages + " written to "
                + classes.resolve(Catalog.RESOURCE));
    }

    /**
     * Writes catalog and index for the components compiled into {@code classes} in {@code packages}; returns their
     * class names.
     *
     * @throws IllegalStateException when there is none, or two share an id
     */
    static List<String> write(Path classes, List<String> packages, ClassLoader loader) throws IOException {
        List<String> classNames = ComponentScan.inDirectory(classes, packages, loader);
        if (classNames.isEmpty()) {
            throw new IllegalStateException("No component classes found under " + classes + " in package(s) "
                    + packages + ": a component is a public class implementing "
                    + "io.easel.components.spi.SparkComponent with a public no-argument constructor");
        }
        Catalog catalog = ComponentRegistry.of(classNames, loader).catalog();

        Path catalogFile = classes.resolve(Catalog.RESOURCE);
        Files.createDirectories(catalogFile.getParent());
        Files.writeString(catalogFile, toJson(catalog) + "\n", StandardCharsets.UTF_8);
        Files.writeString(classes.resolve(ComponentRegistry.INDEX), String.join("\n", classNames) + "\n",
                StandardCharsets.UTF_8);
        return classNames;
    }

    /** Pretty JSON with map keys sorted and {@code \n} line ends whatever the platform. */
    static String toJson(Catalog catalog) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        return json.writer(printer).writeValueAsString(catalog);
    }
}
