package io.easel.components.testing;

import io.easel.components.spi.TableData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bundled credit_g data written once per test JVM as Parquet and as JSON Lines (each a directory, as Spark
 * writes them), for the readers of those formats to read back.
 */
public final class SampleFiles {

    private static Path directory;

    private SampleFiles() {}

    /** credit_g as a Parquet directory, with the dataset's own column types. */
    public static synchronized Path creditParquet() {
        return written().resolve("credit_g.parquet");
    }

    /** credit_g as a directory of JSON Lines files. */
    public static synchronized Path creditJsonLines() {
        return written().resolve("credit_g.jsonl");
    }

    private static Path written() {
        if (directory == null) {
            try {
                Path root = Files.createDirectories(Path.of("target", "test-files").toAbsolutePath());
                directory = Files.createTempDirectory(root, "credit-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TableData credit = (TableData) TestRun.execute("sample-dataset", Map.of("dataset", "credit_g"), Map.of())
                    .get("out");
            credit.rows().coalesce(1).write().parquet(directory.resolve("credit_g.parquet").toString());
            credit.rows().coalesce(1).write().json(directory.resolve("credit_g.jsonl").toString());
        }
        return directory;
    }
}
