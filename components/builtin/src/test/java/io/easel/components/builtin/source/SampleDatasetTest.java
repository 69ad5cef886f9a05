package io.easel.components.builtin.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SampleDatasetTest {

    @Test
    void shouldReadEveryRowOfEachBundledDataset() {
        Map<String, Long> rows = Map.of("credit_g", 1000L, "iris", 150L, "breast_cancer", 569L, "diabetes", 442L,
                "vote", 435L, "wordnet_glosses", 2400L, "vote_yeas", 3421L);
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
    void shouldGiveWordNetGlossesFourHundredTextsInEachOfSixCategories() {
        TableData glosses = TestRun.dataset("wordnet_glosses");

        assertThat(SparkTypes.fromSchema(glosses.rows().schema())).isEqualTo(TableSpec.parse(
                "word:string,category:string,gloss:string"));
        assertThat(glosses.rows().groupBy("category").count().collectAsList())
                .extracting(r -> r.getString(0) + "=" + r.getLong(1))
                .containsExactlyInAnyOrder("noun.animal=400", "noun.artifact=400", "noun.body=400",
                        "noun.food=400", "noun.location=400", "noun.plant=400");
        // a quoted gloss with commas is one cell
        Row commas = glosses.rows().filter("word = 'class Cyanobacteria'").first();
        assertThat(commas.<String>getAs("gloss")).startsWith("photosynthetic bacteria found in fresh and salt "
                + "water, having chlorophyll a and phycobilins;");
        assertThat(glosses.rows().filter("gloss is null or word is null").count()).isZero();
    }

    @Test
    void shouldListEachYeaOfTheVoteDatasetAsOneMemberBillPair() {
        Dataset<Row> vote = TestRun.dataset("vote").rows();
        Dataset<Row> yeas = TestRun.dataset("vote_yeas").rows();

        assertThat(SparkTypes.fromSchema(yeas.schema())).isEqualTo(TableSpec.parse(
                "member:integer,party:string,bill:string"));
        for (String bill : List.of("handicapped_infants", "crime", "export_administration_act_south_africa")) {
            for (String party : List.of("democrat", "republican")) {
                long inVote = vote.filter(col(bill).equalTo("y").and(col("Class").equalTo(party))).count();
                assertThat(yeas.filter(col("bill").equalTo(bill).and(col("party").equalTo(party))).count())
                        .as(bill + " " + party).isEqualTo(inVote).isPositive();
            }
        }
        // member 1 is vote.csv's first row: a republican with 9 yeas, 6 nays and one missing vote
        assertThat(yeas.filter("member = 1").collectAsList()).extracting(r -> r.getString(2))
                .containsExactly("water_project_cost_sharing", "physician_fee_freeze", "el_salvador_aid",
                        "religious_groups_in_schools", "immigration", "education_spending", "superfund_right_to_sue",
                        "crime", "export_administration_act_south_africa");
        assertThat(yeas.select("member").distinct().count()).isEqualTo(434);
    }

    @Test
    void shouldDeclareTheSchemaItsBundledFileHasForEveryChoice() {
        SampleDataset component = new SampleDataset();
        var rule = component.descriptor().output("out").orElseThrow().schema();

        assertThat(rule).isInstanceOf(io.easel.component.SchemaRule.Table.class);
        var byChoice = (io.easel.component.ColumnOp.ByChoice) ((io.easel.component.SchemaRule.Table) rule).ops()
                .getFirst();
        assertThat(byChoice.specs())
                .containsOnlyKeys("credit_g", "iris", "breast_cancer", "diabetes", "vote", "wordnet_glosses",
                        "vote_yeas");
        assertThat(SampleDataset.spec("iris").columnNames()).containsExactly("sepal_length_cm", "sepal_width_cm",
                "petal_length_cm", "petal_width_cm", "species");
    }
}
