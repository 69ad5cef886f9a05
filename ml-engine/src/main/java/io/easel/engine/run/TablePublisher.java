package io.easel.engine.run;

import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.engine.store.FileStore;
import io.easel.run.PortResult;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Materializes a table output: writes it once as Parquet into the run workspace and hands downstream nodes the
 * written copy. That is the run's caching: each output is computed exactly once (by the write), its row count comes
 * from the Parquet footers, and neither a consumer nor a second consumer recomputes the upstream plan; there is no
 * in-memory cache to size or release. Parquet keeps Spark's schema with its column metadata; a table whose row order
 * is part of its result is sorted again as it is read back ({@link TableData#readBack}), so the sample rows and
 * downstream nodes see that order.
 */
final class TablePublisher {

    static final int SAMPLE_ROWS = 50;

    private final SparkSession spark;
    private final FileStore store;

    TablePublisher(SparkSession spark, FileStore store) {
        this.spark = spark;
        this.store = store;
    }

    /** The table as downstream nodes get it, and what the node reports about it. */
    record Published(TableData table, PortResult result) {}

    Published publish(TableData table, Path location) throws IOException {
        String uri = store.uri(location);
        table.rows().write().mode(SaveMode.Overwrite).parquet(uri);
        TableData written = table.readBack(spark.read().parquet(uri));
        TableSpec spec = SparkTypes.fromSchema(written.rows().schema());
        long count = written.rows().count();
        List<List<Object>> sample = written.rows().limit(SAMPLE_ROWS).collectAsList().stream()
                .map(JsonValues::row)
                .toList();
        return new Published(written, PortResult.ofTable(spec, count, sample, uri));
    }
}
