package io.easel.components.builtin.statistics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestSpark;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics of a wide table take as many Spark jobs as those of a narrow one: every column is aggregated in the
 * same passes, never one pass per column. (Spark's adaptive execution runs each shuffle stage as a job of its own, so
 * a pass with a shuffle counts twice.)
 */
class PassesTest {

    @ParameterizedTest
    @ValueSource(strings = {"summary-statistics", "data-profile", "percentiles", "covariance-matrix",
            "correlation-matrix"})
    void shouldRunAsManySparkJobsForThirtyColumnsAsForThree(String component) throws Exception {
        assertThat(jobs(component, table(30))).isEqualTo(jobs(component, table(3))).isLessThanOrEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary-statistics", "data-profile", "percentiles"})
    void shouldDescribeEveryColumnInOneSparkJob(String component) throws Exception {
        // each partition summarizes all its columns (moments, digests, value counts) and the driver merges them
        assertThat(jobs(component, table(30))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"covariance-matrix", "correlation-matrix"})
    void shouldRelateEveryPairOfColumnsInTheJobsOfOnePlainAggregation(String component) throws Exception {
        TableData wide = table(30);
        int onePass = jobs(() -> wide.rows().agg(count(lit(1))).first());

        assertThat(jobs(component, wide)).isLessThanOrEqualTo(onePass);
    }

    /** 2,000 rows of {@code columns} numeric columns, every fifth value of the first one missing. */
    private static TableData table(int columns) {
        List<String> expressions = IntStream.range(0, columns).mapToObj(i -> i % 2 == 0
                ? "IF(" + i + " = 0 AND id % 5 = 0, NULL, CAST((id * " + (i + 3) + ") % 97 AS DOUBLE)) AS x" + i
                : "CAST((id * " + (i + 7) + ") % 31 AS INT) AS x" + i).toList();
        return TableData.source(TestSpark.session().range(2000).selectExpr(expressions.toArray(String[]::new)));
    }

    private static int jobs(String component, TableData in) throws java.util.concurrent.TimeoutException {
        return jobs(() -> Stats.run(component, Map.of(), in).report());
    }

    private static int jobs(Runnable work) throws java.util.concurrent.TimeoutException {
        SparkContext context = TestSpark.session().sparkContext();
        AtomicInteger started = new AtomicInteger();
        SparkListener counter = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                started.incrementAndGet();
            }
        };
        context.listenerBus().waitUntilEmpty();
        context.addSparkListener(counter);
        try {
            work.run();
            context.listenerBus().waitUntilEmpty();
            return started.get();
        } finally {
            context.removeSparkListener(counter);
        }
    }
}
