package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SqlAndIdTest {

    private static final TableData CREDIT = TestRun.dataset("credit_g");
    private static final TableData IRIS = TestRun.dataset("iris");

    @Test
    void shouldRunAQueryOverBothInputsByTheirTableNames() {
        TableData out = Prep.out("sql-query", Map.of("query",
                "SELECT t1.purpose, COUNT(*) AS loans FROM t1 JOIN t2 ON t1.purpose = t2.purpose "
                        + "WHERE t2.housing = 'rent' AND t1.housing = 'own' GROUP BY t1.purpose"),
                Map.of("t1", CREDIT, "t2", Prep.out("deduplicate", Map.of("columns", List.of("purpose", "housing")),
                        CREDIT)));

        Map<Object, Long> ownPerPurpose = Prep.rows(CREDIT).stream().filter(r -> "own".equals(r.getAs("housing")))
                .collect(Collectors.groupingBy(r -> r.getAs("purpose"), Collectors.counting()));
        List<Row> rows = Prep.rows(out);
        assertThat(rows).isNotEmpty()
                .allMatch(r -> r.<Long>getAs("loans").equals(ownPerPurpose.get(r.<String>getAs("purpose"))));
        assertThat(out.lineage().inputBoundary()).contains(new FeatureLineage.InputBoundary("sql-query",
                "SQL query"));
    }

    @Test
    void shouldNameTheQueryParamForBadSqlAndUnknownTables() {
        assertThatThrownBy(() -> Prep.out("sql-query", Map.of("query", "SELEC * FROM t1"), Map.of("t1", IRIS)))
                .hasMessageStartingWith("Param 'query'");
        assertThatThrownBy(() -> Prep.out("sql-query", Map.of("query", "SELECT * FROM t2"), Map.of("t1", IRIS)))
                .hasMessageStartingWith("Param 'query'").hasMessageContaining("t2");
    }

    @Test
    void shouldRefuseSqlThatRunsCodeOrProgramsOrIsNotAQuery() {
        Map<String, String> refused = Map.of(
                "SELECT reflect('java.lang.System', 'exit', 0) AS x FROM t1", "reflect() calls Java code",
                "WITH c AS (SELECT JAVA_METHOD('java.lang.System', 'getenv', 'HOME') AS h FROM t1) SELECT * FROM c",
                "java_method() calls Java code",
                "SELECT * FROM t1 WHERE species IN (SELECT try_reflect('java.util.UUID', 'randomUUID') FROM t1)",
                "try_reflect() calls Java code",
                "SELECT TRANSFORM(species) USING 'cat /etc/passwd' AS (line) FROM t1", "TRANSFORM … USING runs a program",
                "SET spark.sql.runSQLOnFiles=true", "only a query",
                "INSERT OVERWRITE DIRECTORY '/tmp/easel-stolen' USING csv SELECT * FROM t1", "only a query",
                "CREATE TEMPORARY VIEW v AS SELECT * FROM t1", "only a query",
                "EXECUTE IMMEDIATE 'SELECT 1'", "only a query");
        refused.forEach((query, why) -> assertThatThrownBy(() -> Prep.out("sql-query", Map.of("query", query),
                Map.of("t1", IRIS))).as(query).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Param 'query'").hasMessageContaining(why));
        assertThat(new java.io.File("/tmp/easel-stolen")).doesNotExist();
    }

    @Test
    void shouldNumberRowsOneToNInTheStatedOrder() {
        TableData out = Prep.out("append-id", Map.of("kind", "rowNumber", "orderBy", List.of("petal_length_cm")),
                IRIS);

        List<Row> rows = out.rows().orderBy("id").collectAsList();
        assertThat(rows.stream().map(r -> r.<Long>getAs("id")).toList())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 150).boxed().toList());
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).<Double>getAs("petal_length_cm"))
                    .isGreaterThanOrEqualTo(rows.get(i - 1).<Double>getAs("petal_length_cm"));
        }
    }

    @Test
    void shouldGiveUniqueIdsWhenAskedForUniqueNumbers() {
        TableData out = Prep.out("append-id", Map.of("kind", "unique", "output", "key"), CREDIT);

        assertThat(out.rows().select("key").distinct().count()).isEqualTo(1000);
    }
}
