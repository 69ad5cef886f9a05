package io.easel.components.builtin.statistics;

import io.easel.component.PortType;
import io.easel.component.Port;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Report ports and chart data in the shapes {@link ReportSpec.ChartKind} documents. */
final class Charts {

    private Charts() {}

    static Port report(ReportSpec spec) {
        return Port.output("report", PortType.REPORT, Text.of("Report", "统计报告"), SchemaRule.fixed(spec));
    }

    /** A {@link ReportSpec.ChartKind#TABLE} chart. */
    static Map<String, Object> table(List<String> columns, List<List<Object>> rows) {
        return Map.of("columns", columns, "rows", rows);
    }

    /** A row's values as a table chart's cells (nulls kept: a statistic that is not defined). */
    static List<Object> cells(Row row) {
        List<Object> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.get(i));
        }
        return cells;
    }

    /** A {@link ReportSpec.ChartKind#MATRIX} chart: a square matrix, rows and columns in the order of the labels. */
    static Map<String, Object> matrix(List<String> labels, List<List<Double>> values) {
        return Map.of("labels", labels, "values", values);
    }
}
