package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.easel.component.Text;
import io.easel.engine.SharedSpark;
import io.easel.run.FailureCause;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's real failures, as the engine reports them on a node, read back as a plain cause in both languages: the
 * messages come from Spark itself, so a Spark whose wording changes breaks this test rather than the studio.
 */
class FailureCauseTest {

    private final SparkSession spark = SharedSpark.session();

    @Test
    void shouldNameTheMissingColumnAndTheClosestOne() {
        Text cause = causeOf(() -> spark.sql("SELECT agee FROM VALUES (1, 'a') AS t(age, name)").collect());

        assertThat(cause.en()).isEqualTo("Column 'agee' does not exist. Did you mean 'age'?");
        assertThat(cause.in(Locale.CHINESE)).isEqualTo("列 'agee' 不存在。是否想用 'age'？");
    }

    @Test
    void shouldExplainADivisionByZeroInsideASparkTask() {
        Text cause = causeOf(() -> spark.range(4).selectExpr("10 div (id - 2)").collect());

        assertThat(cause.en()).startsWith("Division by zero");
        assertThat(cause.zh()).startsWith("除数为零");
    }

    @Test
    void shouldShowTheValueThatCannotBeConverted() {
        Text cause = causeOf(() -> spark.sql("SELECT CAST('12x' AS INT)").collect());

        assertThat(cause.en()).isEqualTo("The value '12x' cannot be converted from STRING to INT. Clean the column or "
                + "convert it so that bad values become empty.");
    }

    @Test
    void shouldSayWhichTypesDoNotFit() {
        Text cause = causeOf(() -> spark.sql("SELECT array(1) + 1").collect());

        assertThat(cause.en()).startsWith("The types in \"(array(1) + 1)\" do not fit together: ")
                .endsWith("Convert the column to the right type first.");
    }

    @Test
    void shouldNameTheMissingPath(@TempDir java.nio.file.Path dir) {
        String missing = dir.resolve("nothing-here").toUri().toString();

        Text cause = causeOf(() -> spark.read().parquet(missing).collect());

        assertThat(cause.en()).startsWith("The file or folder ").contains("nothing-here").endsWith(" does not exist.");
    }

    @Test
    void shouldLeaveAPlainComponentMessageAsItsOwnCause() {
        assertThat(FailureCause.explain("Param 'fraction' must be between 0 and 1; it is 1.5")).isEmpty();
        assertThat(FailureCause.explain(null)).isEmpty();
    }

    @Test
    void shouldExplainRunningOutOfMemory() {
        assertThat(FailureCause.explain(FailureMessage.of(new OutOfMemoryError("Java heap space"))))
                .hasValueSatisfying(cause -> assertThat(cause.en()).startsWith("Spark ran out of memory."));
    }

    private static Text causeOf(Runnable failing) {
        Throwable failure = catchThrowable(failing::run);
        assertThat(failure).isNotNull();
        String message = FailureMessage.of(failure);
        return FailureCause.explain(message)
                .orElseThrow(() -> new AssertionError("no plain cause for: " + message));
    }
}
