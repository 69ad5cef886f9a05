package io.easel.components.testing;

import io.easel.component.ParamDef;
import io.easel.components.builtin.source.SampleDataset;
import io.easel.components.spi.TableData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory examples call {@code {samples}}: the bundled datasets as CSV files (copied from the class path, so
 * plugin modules that test against the built-in jar get them too), and credit_g also written as Parquet and as JSON
 * Lines (each a directory, as Spark writes them), for the readers to read back. Written once per test JVM.
 */
public final class SampleFiles {

    /** The bundled CSV files as this module's sources hold them (only the built-in module's own tests have them). */
    public static final Path DATASETS = Path.of("src/main/resources/io/easel/components/datasets").toAbsolutePath();

    private static final String RESOURCES = "/io/easel/components/datasets/";

    private static Path directory;

    private SampleFiles() {}

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path root = Files.createDirectories(Path.of("target", "test-files").toAbsolutePath());
                Path samples = Files.createTempDirectory(root, "samples-");
                for (ParamDef.Choice dataset : SampleDataset.DATASET.def().choices()) {
                    String file = dataset.value() + ".csv";
                    try (InputStream csv = SampleDataset.class.getResourceAsStream(RESOURCES + file)) {
                        if (csv == null) {
                            throw new IllegalStateException("The bundled dataset " + RESOURCES + file
                                    + " is not on the class path");
                        }
                        Files.copy(csv, samples.resolve(file));
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
