package io.easel.components.builtin.preprocessing;

import io.easel.components.transform.ColumnTypeCast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.DataType;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.Tables;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TypeConversionTest {

    @Test
    void shouldConvertChosenColumnsInPlaceAndRecordTheStepInTheLineage() {
        TableData raw = Scenarios.credit().table("data", "out");
        TableData converted = Scenarios.credit().table("cast", "out");

        assertThat(converted.rows().columns()).containsExactly(raw.rows().columns());
        for (String column : Scenarios.CONVERTED) {
            assertThat(SparkTypes.fromSchema(converted.rows().schema()).column(column).orElseThrow().type())
                    .isEqualTo(DataType.DOUBLE);
        }
        assertThat(converted.rows().first().<Double>getAs("credit_amount")).isEqualTo(1169.0);
        assertThat(converted.lineage().rawSchema()).isEqualTo(raw.rows().schema());
        assertThat(converted.lineage().steps()).singleElement().isInstanceOf(ColumnTypeCast.class);
    }

    @Test
    void shouldReadYesNoVotesAsBooleansKeepingMissingVotesMissing() {
        TableData vote = TestRun.dataset("vote");

        TableData converted = convert(vote, List.of("crime", "synfuels_corporation_cutback"), "boolean");

        Row first = converted.rows().first(); // n,y,n,y,y,y,n,n,n,y,,y,y,y,n,y,republican
        assertThat(first.<Boolean>getAs("crime")).isTrue();
        assertThat(first.isNullAt(first.fieldIndex("synfuels_corporation_cutback"))).isTrue();
        assertThat(converted.rows().filter("crime = false").count())
                .isEqualTo(vote.rows().filter("crime = 'n'").count());
    }

    @Test
    void shouldTruncateDecimalsAndMakeUnconvertibleValuesMissing() {
        TableData table = Tables.of("x:double,t:string", new Object[] {2.7, "12"}, new Object[] {-2.7, "twelve"});

        List<Row> rows = convert(table, List.of("x", "t"), "integer").rows().collectAsList();

        assertThat(rows).extracting(r -> r.get(0)).containsExactly(2, -2);
        assertThat(rows).extracting(r -> r.get(1)).containsExactly(12, null);
    }

    @Test
    void shouldNameAColumnTheInputDoesNotHave() {
        TableData table = Tables.of("x:double", new Object[] {1.0});

        assertThatThrownBy(() -> convert(table, List.of("y"), "string"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'columns'").hasMessageContaining("'y'").hasMessageContaining("[x]");
    }

    private static TableData convert(TableData in, List<String> columns, String type) {
        return (TableData) TestRun.execute("type-conversion", Map.of("columns", columns, "targetType", type),
                Map.of("in", in)).get("out");
    }
}
