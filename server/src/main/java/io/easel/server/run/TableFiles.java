package io.easel.server.run;

import io.easel.server.hadoop.HadoopAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * The Parquet part files of one table output, read in the order the component produced its rows: Spark writes
 * partition {@code i} to {@code part-i…}, so the files in name order and each file front to back are the table's
 * order (a sorted output, such as feature importances, is range-partitioned in sort order). Read without Spark.
 */
final class TableFiles {

    /** Receives the rows of a scan; answers false to stop it. */
    @FunctionalInterface
    interface RowVisitor {
        boolean visit(List<Object> row);
    }

    private final FileSystem fileSystem;
    private final HadoopAccess hadoop;
    private final List<FileStatus> parts;

    private TableFiles(FileSystem fileSystem, HadoopAccess hadoop, List<FileStatus> parts) {
        this.fileSystem = fileSystem;
        this.hadoop = hadoop;
        this.parts = parts;
    }

    /** The part files under {@code directory}, without Spark's markers and checksums ({@code _SUCCESS}, {@code .crc}). */
    static TableFiles in(Path directory, HadoopAccess hadoop) throws IOException {
        FileSystem fileSystem = hadoop.fileSystem(directory);
        List<FileStatus> parts = Arrays.stream(fileSystem.listStatus(directory))
                .filter(FileStatus::isFile)
                .filter(file -> !file.getPath().getName().startsWith("_") && !file.getPath().getName().startsWith("."))
                .sorted(Comparator.comparing(file -> file.getPath().getName()))
                .toList();
        return new TableFiles(fileSystem, hadoop, parts);
    }

    List<String> partNames() {
        return parts.stream().map(part -> part.getPath().getName()).toList();
    }

    /** The rows of every part, from the footers alone. */
    long rowCount() throws IOException {
        long rows = 0;
        for (FileStatus part : parts) {
            rows += rowCount(part);
        }
        return rows;
    }

    /** Visits the rows from {@code offset} on, in order, skipping whole parts by their footers' row counts. */
    void scan(long offset, RowVisitor visitor) throws IOException {
        long skip = offset;
        for (FileStatus part : parts) {
            if (skip > 0) {
                long rows = rowCount(part);
                if (skip >= rows) {
                    skip -= rows;
                    continue;
                }
            }
            try (ParquetReader<Group> reader = new GroupReader(inputFile(part))
                    .withConf(hadoop.configuration()).build()) {
                for (Group group = reader.read(); group != null; group = reader.read()) {
                    if (skip > 0) {
                        skip--;
                    } else if (!visitor.visit(ParquetValues.row(group))) {
                        return;
                    }
                }
            }
        }
    }

    /** Copies one part file's bytes as stored. */
    void copyPart(String name, OutputStream out) throws IOException {
        FileStatus part = parts.stream().filter(p -> p.getPath().getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No part " + name));
        try (var in = fileSystem.open(part.getPath())) {
            in.transferTo(out);
        }
    }

    private long rowCount(FileStatus part) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(inputFile(part))) {
            return footer.getRecordCount();
        }
    }

    /** Parquet's view of a part file, opened as the server's Hadoop user (Parquet opens the file system itself). */
    private HadoopInputFile inputFile(FileStatus part) throws IOException {
        return hadoop.asServer(() -> HadoopInputFile.fromStatus(part, hadoop.configuration()));
    }

    /** Reads records as Parquet's generic {@link Group}s, by the file's own schema. */
    private static final class GroupReader extends ParquetReader.Builder<Group> {

        GroupReader(HadoopInputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
