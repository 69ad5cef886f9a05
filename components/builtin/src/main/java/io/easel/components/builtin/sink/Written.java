package io.easel.components.builtin.sink;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

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
import java.util.function.Consumer;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/** What every sink shares: the table in, and a report of how many rows went where, counted while writing. */
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
     * Hands {@code writing} the rows with a counter on them (no second pass over the data) and reports the count.
     * Spark reports the counter only for writes that run the plan they were given (files, not JDBC).
     *
     * @param whereMetric the report's metric naming the target ({@code path} or {@code table})
     */
    static ReportData counting(Dataset<Row> rows, Consumer<Dataset<Row>> writing, String whereMetric, String where) {
        Observation written = new Observation("written");
        writing.accept(rows.observe(written, count(lit(1)).as("rows")));
        try {
            // the write has finished, so the count is there without waiting
            return report(((Number) written.getAsJava().get("rows")).longValue(), whereMetric, where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting the rows written", e);
        }
    }

    static ReportData report(long rows, String whereMetric, String where) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rows", rows);
        metrics.put(whereMetric, where);
        return new ReportData(REPORT_KIND, metrics, Map.of());
    }
}
