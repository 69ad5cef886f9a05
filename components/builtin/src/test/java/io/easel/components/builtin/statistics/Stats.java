package io.easel.components.builtin.statistics;

import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Runs statistics components on a table outside a graph, as the engine would bind them. */
final class Stats {

    private final Map<String, Object> outputs;

    private Stats(Map<String, Object> outputs) {
        this.outputs = outputs;
    }

    static Stats run(String component, Map<String, Object> params, TableData in) {
        return new Stats(TestRun.execute(component, params, Map.of("in", in)));
    }

    static Stats run(String component, Map<String, Object> params, String dataset) {
        return run(component, params, TestRun.dataset(dataset));
    }

    ReportData report() {
        return (ReportData) outputs.get("report");
    }

    List<Row> table() {
        return ((TableData) outputs.get("out")).rows().collectAsList();
    }

    TableData tableData() {
        return (TableData) outputs.get("out");
    }

    double metric(String name) {
        return ((Number) report().metrics().get(name)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    <T> T chart(String name) {
        return (T) report().charts().get(name);
    }

    /** The rows of a table chart, by the value of its first cell. */
    Map<Object, List<Object>> tableChart(String name) {
        Map<String, Object> table = chart(name);
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) table.get("rows");
        Map<Object, List<Object>> byFirst = new HashMap<>();
        rows.forEach(r -> byFirst.put(r.getFirst(), r));
        return byFirst;
    }
}
