package io.easel.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.easel.component.PortSpec;
import java.util.List;
import java.util.Map;

/**
 * What a finished node produced on one port, small enough to send and store: the spec, and for tables a row count and
 * the first rows; for models and reports the metrics and chart data.
 *
 * @param location where the full output is kept (a path in the run workspace), or null
 * @param sampleRows the first rows, each a list of JSON values in column order
 * @param metrics scalar metrics by name (AUC, row counts …)
 * @param charts chart series by name, e.g. {@code roc} as a list of {@code [x, y]} points
 * @param storage for a table a run wrote: its size and how the nodes downstream read it; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortResult(PortSpec spec, Long rowCount, List<List<Object>> sampleRows, Map<String, Object> metrics,
        Map<String, Object> charts, String location, TableStorage storage) {

    /** A result without table storage facts (models, reports, and tables reported before they were recorded). */
    public PortResult(PortSpec spec, Long rowCount, List<List<Object>> sampleRows, Map<String, Object> metrics,
            Map<String, Object> charts, String location) {
        this(spec, rowCount, sampleRows, metrics, charts, location, null);
    }

    public static PortResult ofTable(PortSpec spec, long rowCount, List<List<Object>> sampleRows, String location) {
        return ofTable(spec, rowCount, sampleRows, location, null);
    }

    public static PortResult ofTable(PortSpec spec, long rowCount, List<List<Object>> sampleRows, String location,
            TableStorage storage) {
        return new PortResult(spec, rowCount, sampleRows, null, null, location, storage);
    }

    /** The same result, with other storage facts. */
    public PortResult withStorage(TableStorage other) {
        return new PortResult(spec, rowCount, sampleRows, metrics, charts, location, other);
    }

    /**
     * How a table output was kept for the nodes downstream in the run that reported it. It is always written to the
     * run workspace as Parquet (viewed, reused by later runs); a small one is also kept in memory, so the nodes
     * downstream read it without a round trip through the files.
     *
     * @param bytes the size of its Parquet files
     * @param inMemory whether the nodes downstream read it from memory rather than from the files
     */
    public record TableStorage(long bytes, boolean inMemory) {}
}
