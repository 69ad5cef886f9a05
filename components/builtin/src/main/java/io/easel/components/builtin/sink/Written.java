package io.easel.components.builtin.sink;

import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ReportData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * What every sink shares: the table in, and a report of how many rows went where. The rows are counted in what was
 * written, not with a counter on the rows being written: Spark's observed metrics leave state in the session that
 * broke later jobs' closures (a NotSerializableException in another test of the same JVM), and JDBC writes never
 * report them.
 */
final class Written {

    static final String REPORT_KIND = "data-written";

    static final ReportSpec REPORT_SPEC = ReportSpec.builder(REPORT_KIND)
            .headline("rows", "Rows written", "写入行数")
            .metric("path", "Written to", "写入位置")
            .metric("table", "Table written", "写入的表")
            .build();

    static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    static final Port REPORT = Port.output("report", PortType.REPORT, Text.of("What was written", "写入结果"),
            SchemaRule.fixed(REPORT_SPEC));

    private Written() {}

    /** Vector columns have no form in text files or database columns: refused, with what to do instead. */
    static void refuseVectors(String componentId, Dataset<Row> rows, String instead) {
        List<String> vectors = Arrays.stream(rows.schema().fields())
                .filter(field -> field.dataType() instanceof VectorUDT).map(StructField::name).toList();
        if (!vectors.isEmpty()) {
            throw new IllegalArgumentException(componentId + ": column(s) " + vectors + " hold vectors, which "
                    + instead);
        }
    }

    /**
     * The report of {@code rows} written to {@code where}.
     *
     * @param whereMetric the report's metric naming the target ({@code path} or {@code table})
     */
    static ReportData report(long rows, String whereMetric, String where) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rows", rows);
        metrics.put(whereMetric, where);
        return new ReportData(REPORT_KIND, metrics, Map.of());
    }
}
