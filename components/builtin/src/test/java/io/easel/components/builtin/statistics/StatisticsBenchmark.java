package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestSpark;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.ml.stat.Correlation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Not a test: how long the statistics components take on a large table, side by side with one plain pass over it
 * (a count, sum, minimum and maximum of every column, which reads every value once) and with Spark's own correlation
 * (what the correlation matrix used before computing it in one pass). Writes a synthetic table of
 * {@code rows} rows (10 numeric columns, 2 integer codes, 2 text categories, 2 % missing) to Parquet first.
 *
 * <p>Run with the components/builtin test class path (see docs/benchmarks.md):
 * {@code StatisticsBenchmark [rows, default 10,000,000] [directory for the table] [components, comma-separated,
 * default all]}.
 */
public final class StatisticsBenchmark {

    private static final int NUMBERS = 10;

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 10_000_000L;
        Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("easel-statistics-benchmark");
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        SparkSession spark = TestSpark.session();
        String table = directory.resolve("table-" + rows).toString();
        if (!Files.exists(Path.of(table))) {
            synthetic(spark, rows).write().parquet(table);
        }
        Dataset<Row> data = spark.read().parquet(table);
        System.out.printf(Locale.ROOT, "%,d rows × %d columns, Spark %s, %s, %d cores, load average before: %s%n",
                rows, data.columns().length, spark.version(), spark.sparkContext().master(),
                Runtime.getRuntime().availableProcessors(), loadAverage());

        time("warm-up: one plain pass", () -> onePass(data));
        double pass = time("one plain pass (count, sum, min, max of every column)", () -> onePass(data));
        List<String> numbers = IntStream.range(0, NUMBERS).mapToObj(i -> "x" + i).toList();
        List<String[]> lines = new ArrayList<>();
        for (String[] step : new String[][] {
                {"summary-statistics", "{}"}, {"data-profile", "{}"}, {"percentiles", "{}"},
                {"correlation-matrix", "pearson"}, {"covariance-matrix", "{}"}}) {
            if (!only.isEmpty() && !only.contains(step[0])) {
                continue;
            }
            Map<String, Object> params = step[0].equals("correlation-matrix") || step[0].equals("covariance-matrix")
                    ? Map.of("columns", numbers) : Map.of();
            double seconds = time(step[0], () -> Stats.run(step[0], params, TableData.source(data)).report());
            lines.add(new String[] {step[0], String.format(Locale.ROOT, "%.1f s = %.2f passes", seconds,
                    seconds / pass)});
        }
        String before = "Spark's Correlation.corr (Pearson) + count, as before";
        double spark0 = !only.isEmpty() ? Double.NaN : time(before, () -> {
            Dataset<Row> vectors = PairMatrix.vectors(data,
                    numbers.stream().map(n -> ColumnSpec.of(n, DataType.DOUBLE)).toList());
            vectors.count();
            return Correlation.corr(vectors, PairMatrix.VECTOR, "pearson").first();
        });
        System.out.println();
        System.out.printf(Locale.ROOT, "| %,d rows | wall time |%n|---|---|%n", rows);
        System.out.printf(Locale.ROOT, "| one plain pass | %.1f s |%n", pass);
        for (String[] line : lines) {
            System.out.printf(Locale.ROOT, "| %s | %s |%n", line[0], line[1]);
        }
        if (!Double.isNaN(spark0)) {
            System.out.printf(Locale.ROOT, "| Spark's Correlation.corr + count (before) | %.1f s = %.2f passes |%n",
                    spark0, spark0 / pass);
        }
        System.out.println("load average after: " + loadAverage());
        spark.stop();
    }

    /**
     * Numeric x0…x9 (normal; each odd column correlated with the one before; a mean of a million in every third),
     * integer codes and text categories; 2 % of x0 missing.
     */
    private static Dataset<Row> synthetic(SparkSession spark, long rows) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < NUMBERS; i++) {
            String base = "randn(" + (17 + i) + ")";
            columns.add(i == 0 ? "IF(rand(5) < 0.02, NULL, " + base + ") AS x0"
                    : i % 3 == 0 ? "1000000 + " + base + " AS x" + i : base + " AS x" + i);
        }
        Dataset<Row> base = spark.range(rows).selectExpr(columns.toArray(String[]::new));
        List<String> derived = new ArrayList<>(List.of(base.columns()));
        for (int i = 1; i < NUMBERS; i += 2) {
            derived.set(i, "x" + (i - 1) + " * 0.6 + x" + i + " * 0.8 AS x" + i);
        }
        derived.add("CAST(floor(rand(31) * 50) AS INT) AS code1");
        derived.add("CAST(floor(rand(32) * 7) AS INT) AS code2");
        derived.add("concat('city-', CAST(floor(rand(33) * 300) AS INT)) AS city");
        derived.add("element_at(array('a', 'b', 'c', 'd'), CAST(floor(rand(34) * 4) AS INT) + 1) AS grade");
        return base.selectExpr(derived.toArray(String[]::new));
    }

    private static Object onePass(Dataset<Row> data) {
        List<Column> aggregates = new ArrayList<>();
        for (String name : data.columns()) {
            aggregates.add(count(col(name)));
            aggregates.add(min(col(name)));
            aggregates.add(max(col(name)));
            if (!name.equals("city") && !name.equals("grade")) {
                aggregates.add(sum(col(name)));
            }
        }
        return data.agg(count(lit(1)), aggregates.toArray(Column[]::new)).first();
    }

    /**
     * The wall time of {@code work}, printed with the CPU time this JVM spent meanwhile (all its threads): on a
     * machine shared with other work the wall time jumps, the CPU time much less.
     */
    private static double time(String what, Supplier<Object> work) {
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-60s %8.1f s  (CPU %.1f s)%n", what, seconds, (cpuNanos() - cpuStart) / 1e9);
        return seconds;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
