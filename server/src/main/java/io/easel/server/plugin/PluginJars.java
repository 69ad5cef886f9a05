package io.easel.server.plugin;

import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The plugin jars of this server: every {@code *.jar} in {@code easel.plugins-dir} (default
 * {@code <data-dir>/plugins}), as found at start, in file-name order. The catalog reads the components of those that
 * have a catalog (the others are libraries the plugins use); every run's engine gets all of them. An administrator
 * puts them there; nothing a user sends ever becomes one. Adding or removing a jar takes a restart, so that the
 * catalog and the engines always see the same components.
 */
@Component
public class PluginJars {

    private static final PluginJars NONE = new PluginJars(null, List.of());

    private final Path directory;
    private final List<Path> jars;

    @Autowired
    public PluginJars(EaselProperties easel) {
        this(easel.absolutePluginsDir(), find(easel.absolutePluginsDir(), easel.pluginsDir() != null));
    }

    private PluginJars(Path directory, List<Path> jars) {
        this.directory = directory;
        this.jars = List.copyOf(jars);
    }

    /** No plugins (tools and tests that read the class path's catalog only). */
    public static PluginJars none() {
        return NONE;
    }

    /**
     * The jars in {@code directory}.
     *
     * @throws IllegalStateException when it is not a directory
     */
    public static PluginJars in(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        return new PluginJars(absolute, find(absolute, true));
    }

    /** Where they were looked for; null for {@link #none()}. */
    public Path directory() {
        return directory;
    }

    /** Absolute paths, in file-name order. */
    public List<Path> jars() {
        return jars;
    }

    /** @param mustExist the directory was configured, so its absence is a mistake to report */
    private static List<Path> find(Path directory, boolean mustExist) {
        if (!Files.exists(directory) && !mustExist) {
            return List.of();
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("easel.plugins-dir=" + directory + " is not a directory: create it and "
                    + "put the plugin jars there, or leave the setting out");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .map(f -> f.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the plugin jars in " + directory, e);
        }
    }
}
