package io.easel.engine.run;

import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.engine.store.FileStore;
import io.easel.run.PortResult;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.hadoop.fs.Path;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Materializes a table output: writes it once as Parquet into the run workspace (where it is viewed, fingerprinted
 * and reused by later runs) and hands downstream nodes what was written. Each output is computed exactly once (by the
 * write), and neither a consumer nor a second consumer recomputes the upstream plan. Parquet keeps Spark's schema with
 * its column metadata; a table whose row order is part of its result is sorted again as it is read back
 * ({@link TableData#readBack}), so the sample rows and downstream nodes see that order.
 *
 * <p>A table whose Parquet files are at most {@value #MEMORY_TABLE_BYTES} bytes (default
 * {@value #DEFAULT_MEMORY_TABLE_BYTES}: Spark's own measure of a small table, its broadcast join threshold) is also
 * kept in memory: the read-back copy is persisted and filled by the count the report needs anyway, so downstream nodes
 * read it without listing, opening and decoding files again. {@link #release} gives that memory back; the run calls
 * it when it ends, however it ends, since a warm engine runs run after run in one JVM.
 */
final class TablePublisher {

    static final int SAMPLE_ROWS = 50;
    /** The Spark setting that says up to which size (of its Parquet files) a table output is kept in memory. */
    static final String MEMORY_TABLE_BYTES = "spark.easel.memoryTableBytes";
    static final String DEFAULT_MEMORY_TABLE_BYTES = "10m";

    private final SparkSession spark;
    private final FileStore store;
    private final long memoryLimit;
    /** The tables this run keeps in memory, released together (written by the node workers). */
    private final Queue<Dataset<Row>> inMemory = new ConcurrentLinkedQueue<>();

    /** @param memoryLimit the largest table (bytes of its Parquet files) kept in memory; 0 keeps none */
    TablePublisher(SparkSession spark, FileStore store, long memoryLimit) {
        this.spark = spark;
        this.store = store;
        this.memoryLimit = memoryLimit;
    }

    /**
     * Up to which size a table output is kept in memory, from the session's {@value #MEMORY_TABLE_BYTES} setting: a
     * number of bytes or a Spark size ({@code 10m}, {@code 1g}); 0 keeps none.
     *
     * @throws IllegalArgumentException when the setting is neither
     */
    static long memoryLimit(SparkSession spark) {
        String value = spark.conf().get(MEMORY_TABLE_BYTES, DEFAULT_MEMORY_TABLE_BYTES).strip();
        try {
            long bytes = JavaUtils.byteStringAsBytes(value);
            if (bytes >= 0) {
                return bytes;
            }
        } catch (RuntimeException e) { // NumberFormatException, or Spark's own for an unknown unit
            // said below
        }
        throw new IllegalArgumentException("the Spark setting " + MEMORY_TABLE_BYTES + " must be a size such as "
                + "10m or 1048576 (bytes; 0 keeps no table in memory), not '" + value + "'");
    }

    /** The table as downstream nodes get it, and what the node reports about it. */
    record Published(TableData table, PortResult result) {}

    Published publish(TableData table, Path location) throws IOException {
        String uri = store.uri(location);
        table.rows().write().mode(SaveMode.Overwrite).parquet(uri);
        long bytes = store.size(location);
        boolean keep = small(bytes);
        TableData written = table.readBack(spark.read().parquet(uri));
        if (keep) {
            // Filled by the count below: downstream nodes and the sample then read memory, not files.
            keep(written);
        }
        TableSpec spec = SparkTypes.fromSchema(written.rows().schema());
        long count = written.rows().count();
        List<List<Object>> sample = written.rows().limit(SAMPLE_ROWS).collectAsList().stream()
                .map(JsonValues::row)
                .toList();
        return new Published(written, PortResult.ofTable(spec, count, sample, uri,
                new PortResult.TableStorage(bytes, keep)));
    }

    /**
     * Takes a table an earlier run wrote, as this run reuses it: a small one is kept in memory as well, filled by the
     * first node downstream that reads it (a re-run whose nodes downstream are reused too never reads it).
     *
     * @param written what the earlier run reported of its files
     * @return the same, saying whether this run keeps it in memory
     */
    PortResult.TableStorage reuse(TableData table, PortResult.TableStorage written) {
        boolean keep = small(written.bytes());
        if (keep) {
            keep(table);
        }
        return new PortResult.TableStorage(written.bytes(), keep);
    }

    private boolean small(long bytes) {
        return memoryLimit > 0 && bytes <= memoryLimit;
    }

    private void keep(TableData table) {
        table.rows().persist(StorageLevel.MEMORY_ONLY());
        inMemory.add(table.rows());
    }

    /** Gives back the memory of every table this run kept; the tables are read from their files afterwards. */
    void release() {
        Dataset<Row> table;
        while ((table = inMemory.poll()) != null) {
            table.unpersist(false);
        }
    }
}
