package io.easel.components.builtin.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SampleDatasetTest {

    @Test
    void shouldReadEveryRowOfEachBundledDataset() {
        Map<String, Long> rows = Map.of("credit_g", 1000L, "iris", 150L, "breast_cancer", 569L, "diabetes", 442L,
                "vote", 435L);
        rows.forEach((dataset, count) -> assertThat(TestRun.dataset(dataset).rows().count()).as(dataset)
                .isEqualTo(count));
    }

    @Test
    void shouldGiveCreditGItsThirteenTextAndSevenIntegerFeaturesAndTheClassLabel() {
        TableData credit = TestRun.dataset("credit_g");

        TableSpec spec = SparkTypes.fromSchema(credit.rows().schema());
        assertThat(spec.columns()).filteredOn(c -> c.type() == DataType.INTEGER).hasSize(7);
        assertThat(spec.columns()).filteredOn(c -> c.type() == DataType.STRING).hasSize(14);
        Row first = credit.rows().first();
        assertThat(first.<String>getAs("checking_status")).isEqualTo("<0");
        assertThat(first.<Integer>getAs("credit_amount")).isEqualTo(1169);
        assertThat(first.<String>getAs("class")).isEqualTo("good");
        assertThat(credit.lineage().steps()).isEmpty();
        assertThat(credit.lineage().rawSchema()).isEqualTo(credit.rows().schema());
    }

    @Test
    void shouldReadEmptyVoteCellsAsMissingValues() {
        TableData vote = TestRun.dataset("vote");

        Row first = vote.rows().first();
        assertThat(first.isNullAt(first.fieldIndex("synfuels_corporation_cutback"))).isTrue();
        assertThat(vote.rows().filter("Class is null").count()).isZero();
    }

    @Test
    void shouldDeclareTheSchemaItsBundledFileHasForEveryChoice() {
        SampleDataset component = new SampleDataset();
        var rule = component.descriptor().output("out").orElseThrow().schema();

        assertThat(rule).isInstanceOf(io.easel.component.SchemaRule.Table.class);
        var byChoice = (io.easel.component.ColumnOp.ByChoice) ((io.easel.component.SchemaRule.Table) rule).ops()
                .getFirst();
        assertThat(byChoice.specs())
                .containsOnlyKeys("credit_g", "iris", "breast_cancer", "diabetes", "vote");
        assertThat(SampleDataset.spec("iris").columnNames()).containsExactly("sepal_length_cm", "sepal_width_cm",
                "petal_length_cm", "petal_width_cm", "species");
    }
}
