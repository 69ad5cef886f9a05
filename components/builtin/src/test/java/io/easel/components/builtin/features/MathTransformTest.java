package io.easel.components.builtin.features;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class MathTransformTest {

    @Test
    void shouldComputeEachFunctionRowByRowOnCreditAmounts() {
        TableData credit = TestRun.dataset("credit_g");
        for (String function : List.of("log", "log1p", "sqrt", "power", "abs", "exp")) {
            TableData out = transform(credit, "duration", function, 0.5);
            List<Row> rows = out.rows().select(col("duration"), col("duration_f")).limit(50).collectAsList();
            for (Row row : rows) {
                double x = row.getInt(0);
                double expected = switch (function) {
                    case "log" -> Math.log(x);
                    case "log1p" -> Math.log1p(x);
                    case "sqrt" -> Math.sqrt(x);
                    case "power" -> Math.pow(x, 0.5);
                    case "abs" -> Math.abs(x);
                    default -> Math.exp(x);
                };
                assertThat(row.getDouble(1)).as(function + "(" + x + ")")
                        .isCloseTo(expected, within(1e-12 * Math.max(1, expected)));
            }
        }
    }

    @Test
    void shouldMakeValuesOutsideTheDomainMissing() {
        TableData diabetes = TestRun.dataset("diabetes");
        TableData centred = diabetes.withRows(diabetes.rows().withColumn("bmi", col("bmi").minus(26)));
        long negative = centred.rows().filter(col("bmi").lt(0)).count();
        long zero = centred.rows().filter(col("bmi").equalTo(0)).count();

        assertThat(negative).isPositive();
        assertThat(transform(centred, "bmi", "sqrt", 2).rows().filter(col("bmi_f").isNull()).count())
                .isEqualTo(negative);
        assertThat(transform(centred, "bmi", "log", 2).rows().filter(col("bmi_f").isNull()).count())
                .isEqualTo(negative + zero);
        assertThat(transform(centred, "bmi", "power", -1).rows().filter(col("bmi_f").isNull()).count())
                .isEqualTo(zero);
        assertThat(transform(centred, "bmi", "power", 3).rows().filter(col("bmi_f").isNull()).count()).isZero();
    }

    @Test
    void shouldReplaceTheColumnInPlaceWithoutASuffix() {
        TableData diabetes = TestRun.dataset("diabetes");
        TableData out = (TableData) TestRun.execute("math-transform",
                Map.of("columns", List.of("s5"), "function", "exp"), Map.of("in", diabetes)).get("out");

        assertThat(out.rows().columns()).containsExactly(diabetes.rows().columns());
        double before = diabetes.rows().agg(functions.sum(functions.exp(col("s5")))).first().getDouble(0);
        assertThat(out.rows().agg(functions.sum("s5")).first().getDouble(0)).isCloseTo(before, within(1e-6));
    }

    private static TableData transform(TableData in, String column, String function, double exponent) {
        return (TableData) TestRun.execute("math-transform", Map.of("columns", List.of(column), "function", function,
                "exponent", exponent, "suffix", "_f"), Map.of("in", in)).get("out");
    }
}
