package io.easel.server.settings;

import io.easel.run.DataRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where runs may read data files ({@code easel.data.*}): file sources read only under these roots, after their paths
 * are normalised, and reach no other file system. The server checks path params against them when it validates an
 * experiment and hands them to the engine with each run; the engine checks again before it reads.
 *
 * @param roots absolute local paths or file system URIs ({@code hdfs://namenode:8020/datasets}); null for
 *     {@code <data-dir>/data}
 * @param samples the bundled samples directory ({@code {samples}} in paths), which counts as a root; null for
 *     {@code <data-dir>/samples}. The engine writes the samples there when they are missing; in cluster deploy mode
 *     it must be a place every node reads (HDFS)
 * @param uploads the uploads area: a local directory holding one directory per workspace of the files its members
 *     uploaded ({@code {uploads}} in a path of a run of that workspace); null for {@code <data-dir>/data/uploads}
 */
@ConfigurationProperties("easel.data")
public record DataSettings(List<String> roots, String samples, Path uploads) {

    /** The uploads area, absolute (not created: the first upload creates it). */
    public Path uploadsArea(EaselProperties easel) {
        return uploads == null ? easel.absoluteDataDir().resolve("data").resolve("uploads")
                : uploads.toAbsolutePath().normalize();
    }

    /** The roots, defaulted against the data directory; local default directories are created. */
    public DataRoots dataRoots(EaselProperties easel) {
        List<String> configured = roots == null || roots.isEmpty()
                ? List.of(created(easel.absoluteDataDir().resolve("data")))
                : roots;
        String samplesDirectory = samples == null || samples.isBlank()
                ? created(easel.absoluteDataDir().resolve("samples"))
                : samples;
        try {
            return DataRoots.of(configured, samplesDirectory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("easel.data.roots / easel.data.samples: " + e.getMessage(), e);
        }
    }

    private static String created(Path directory) {
        try {
            return Files.createDirectories(directory).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }
}
