package io.easel.components.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory examples call {@code {samples}}, as the engine writes it ({@link
 * io.easel.components.builtin.source.SampleFiles}): the bundled datasets as CSV files, and credit_g also as Parquet
 * and as JSON Lines. Written once per test JVM.
 */
public final class SampleFiles {

    /** The bundled CSV files, as the build ships them. */
    public static final Path DATASETS = Path.of("src/main/resources/io/easel/components/datasets").toAbsolutePath();

    private static Path directory;

    private SampleFiles() {}

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path root = Files.createDirectories(Path.of("target", "test-files").toAbsolutePath());
                Path samples = Files.createTempDirectory(root, "samples-");
                io.easel.components.builtin.source.SampleFiles.ensure(TestSpark.session(), samples.toUri().toString());
                directory = samples;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    /** credit_g as a Parquet directory, with the dataset's own column types. */
    public static Path creditParquet() {
        return directory().resolve(io.easel.components.builtin.source.SampleFiles.CREDIT_PARQUET);
    }

    /** credit_g as a directory of JSON Lines files. */
    public static Path creditJsonLines() {
        return directory().resolve(io.easel.components.builtin.source.SampleFiles.CREDIT_JSON_LINES);
    }
}
