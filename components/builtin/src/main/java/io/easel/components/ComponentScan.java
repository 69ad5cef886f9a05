package io.easel.components;

import io.easel.components.spi.SparkComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the component classes: concrete classes implementing {@link SparkComponent} in given packages or below (the
 * built-in ones are in {@value #BUILT_IN}). The build of each component jar runs it over its compiled classes to
 * write that jar's index ({@link CatalogWriter}); {@link ComponentRegistry} runs it over the class path for the
 * built-in package only when no index is there (an IDE running tests without the Maven build).
 */
final class ComponentScan {

    static final String BUILT_IN = "io.easel.components.builtin";
    private static final String PACKAGE_PATH = path(BUILT_IN);

    private ComponentScan() {}

    /** Component class names under a class-output directory, in {@code packages} or below, sorted. */
    static List<String> inDirectory(Path classesRoot, List<String> packages, ClassLoader loader) {
        List<String> candidates = new ArrayList<>();
        for (String pkg : packages) {
            candidates.addAll(classNamesUnder(classesRoot, path(pkg)));
        }
        return components(candidates, loader);
    }

    /** Built-in component class names in every directory or jar of the class path that holds them, sorted. */
    static List<String> onClassPath(ClassLoader loader) {
        List<String> candidates = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(PACKAGE_PATH))) {
                switch (url.getProtocol()) {
                    case "file" -> {
                        Path packageDir = Path.of(url.toURI());
                        Path root = packageDir;
                        for (int i = 0; i < PACKAGE_PATH.split("/").length; i++) {
                            root = root.getParent();
                        }
                        candidates.addAll(classNamesUnder(root, PACKAGE_PATH));
                    }
                    case "jar" -> {
                        JarURLConnection connection = (JarURLConnection) url.openConnection();
                        connection.setUseCaches(false);
                        try (JarFile jar = connection.getJarFile()) {
                            jar.stream().map(e -> e.getName()).filter(e -> isCandidate(e, PACKAGE_PATH))
                                    .map(ComponentScan::className).forEach(candidates::add);
                        }
                    }
                    default -> throw new IllegalStateException("Cannot scan components at " + url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan the class path for components", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot scan the class path for components", e);
        }
        return components(candidates, loader);
    }

    private static List<String> classNamesUnder(Path classesRoot, String packagePath) {
        Path packageDir = classesRoot.resolve(packagePath);
        if (!Files.isDirectory(packageDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.map(f -> classesRoot.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> isCandidate(f, packagePath))
                    .map(ComponentScan::className)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + packageDir + " for components", e);
        }
    }

    private static boolean isCandidate(String path, String packagePath) {
        // nested classes cannot be components: each component is one top-level class
        return path.startsWith(packagePath + "/") && path.endsWith(".class") && !path.contains("$");
    }

    private static String path(String pkg) {
        return pkg.replace('.', '/');
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static List<String> components(List<String> candidates, ClassLoader loader) {
        TreeSet<String> found = new TreeSet<>();
        for (String name : candidates) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("Cannot load " + name + " while looking for components: " + e, e);
            }
            if (SparkComponent.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                found.add(name);
            }
        }
        return List.copyOf(found);
    }
}
