package io.easel.components.testing;

import io.easel.components.spi.TableData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory examples call {@code {samples}}: the bundled datasets as CSV files, and credit_g also written as
 * Parquet and as JSON Lines (each a directory, as Spark writes them), for the readers to read back. Written once per
 * test JVM.
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
                try (var files = Files.list(DATASETS)) {
                    for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                        Files.copy(csv, samples.resolve(csv.getFileName()));
                    }
                }
                TableData credit = TestRun.dataset("credit_g");
                credit.rows().coalesce(1).write().parquet(samples.resolve("credit_g.parquet").toString());
                credit.rows().coalesce(1).write().json(samples.resolve("credit_g.jsonl").toString());
                directory = samples;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }

    /** credit_g as a Parquet directory, with the dataset's own column types. */
    public static Path creditParquet() {
        return directory().resolve("credit_g.parquet");
    }

    /** credit_g as a directory of JSON Lines files. */
    public static Path creditJsonLines() {
        return directory().resolve("credit_g.jsonl");
    }
}
