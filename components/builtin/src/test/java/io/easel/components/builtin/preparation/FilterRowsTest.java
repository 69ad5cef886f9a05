package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class FilterRowsTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");

    @Test
    void shouldKeepExactlyTheRowsThatSatisfyTheCondition() {
        TableData out = Prep.out("filter-rows", Map.of("condition", "age >= 30 AND purpose = 'radio/tv'"), CREDIT);

        long byHand = Prep.rows(CREDIT).stream()
                .filter(r -> r.<Integer>getAs("age") >= 30 && "radio/tv".equals(r.getAs("purpose"))).count();
        assertThat(byHand).isPositive();
        assertThat(out.rows().count()).isEqualTo(byHand);
        assertThat(Prep.rows(out)).allMatch((Row r) -> r.<Integer>getAs("age") >= 30);
        assertThat(out.lineage()).isEqualTo(CREDIT.lineage());
    }

    @Test
    void shouldNameTheParamWhenTheConditionIsNotSql() {
        assertThatThrownBy(() -> Prep.out("filter-rows", Map.of("condition", "age >= AND"), CREDIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Param 'condition': 'age >= AND' is not valid Spark SQL here");
    }

    @Test
    void shouldRefuseAConditionThatCallsJavaCode() {
        assertThatThrownBy(() -> Prep.out("filter-rows", Map.of("condition",
                "java_method('java.lang.System', 'getenv', 'HOME') IS NOT NULL"), CREDIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Param 'condition': java_method() calls Java code on the machine, which Easel does not "
                        + "allow.");
        assertThatThrownBy(() -> Prep.out("add-column", Map.of("name", "x", "expression",
                "age + length(reflect('java.lang.System', 'getProperty', 'user.home'))"), CREDIT))
                .hasMessageContaining("reflect() calls Java code");
    }

    @Test
    void shouldNameTheParamWhenTheConditionNamesAnUnknownColumn() {
        assertThatThrownBy(() -> Prep.out("filter-rows", Map.of("condition", "salary > 3"), CREDIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Param 'condition'").hasMessageContaining("salary");
    }
}
