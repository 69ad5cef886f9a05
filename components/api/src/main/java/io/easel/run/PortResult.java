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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortResult(PortSpec spec, Long rowCount, List<List<Object>> sampleRows, Map<String, Object> metrics,
        Map<String, Object> charts, String location) {

    public static PortResult ofTable(PortSpec spec, long rowCount, List<List<Object>> sampleRows, String location) {
        return new PortResult(spec, rowCount, sampleRows, null, null, location);
    }
}
