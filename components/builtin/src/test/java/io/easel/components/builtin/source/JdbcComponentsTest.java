package io.easel.components.builtin.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.BoundParams;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import io.easel.components.testing.NodeContext;
import io.easel.components.testing.TestDatabase;
import io.easel.components.testing.TestRun;
import io.easel.graph.ExampleGraph;
import io.easel.run.JdbcConnections;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** read-jdbc and write-jdbc against a real PostgreSQL ({@link TestDatabase}). */
class JdbcComponentsTest {

    @Test
    void shouldReadBackExactlyTheRowsAndTypesWritten() {
        TableData credit = TestRun.dataset("credit_g");

        ReportData report = write(Map.of("connection", "examples", "table", "credit_round_trip", "mode", "overwrite"),
                credit);
        TableData back = read(Map.of("connection", "examples", "table", "credit_round_trip"));

        assertThat(report.metrics()).containsEntry("rows", 1000L).containsEntry("table", "credit_round_trip");
        assertThat(SparkTypes.fromSchema(back.rows().schema())).isEqualTo(SampleDataset.spec("credit_g"));
        assertSameRows(back.rows(), credit.rows());
    }

    @Test
    void shouldReadTheRowsOfAQueryInParallelRanges() {
        TableData wide = TestRun.example("read-jdbc", 1).table(ExampleGraph.NODE, "out");
        Dataset<Row> expected = TestRun.dataset("iris").rows().filter(col("petal_width_cm").gt(1))
                .select("species", "sepal_length_cm");

        assertThat(wide.rows().rdd().getNumPartitions()).isEqualTo(3);
        assertSameRows(wide.rows(), expected);
        assertThat(wide.rows().count()).isEqualTo(93);
    }

    @Test
    void shouldKeepAnExistingTableUnlessToldToAppendOrReplace() {
        TableData iris = TestRun.dataset("iris");
        write(Map.of("connection", "examples", "table", "kept", "mode", "overwrite"), iris);

        assertThatThrownBy(() -> write(Map.of("connection", "examples", "table", "kept"), iris))
                .hasMessageStartingWith("write-jdbc: connection 'examples': ").hasMessageContaining("already exists");
        write(Map.of("connection", "examples", "table", "kept", "mode", "append"), iris);
        assertThat(read(Map.of("connection", "examples", "table", "kept")).rows().count()).isEqualTo(300);
        write(Map.of("connection", "examples", "table", "kept", "mode", "overwrite"), iris);
        assertThat(read(Map.of("connection", "examples", "query", "SELECT count(*) AS n FROM kept")).rows().first()
                .<Long>getAs("n")).isEqualTo(150L);
    }

    @Test
    void shouldNameTheConnectionButNeverThePasswordWhenTheDatabaseRefusesIt() {
        String wrongPassword = "not-the-password-42";
        DataAccess wrong = new DataAccess(NodeContext.TEST_DATA_ROOTS, new JdbcConnections(Map.of("warehouse",
                new JdbcConnections.JdbcConnection(TestDatabase.url(), TestDatabase.USER, wrongPassword))));

        assertThatThrownBy(() -> run("read-jdbc", Map.of("connection", "warehouse", "table", "iris"), wrong))
                .hasMessageStartingWith("read-jdbc: connection 'warehouse': ")
                .hasMessageContaining("password authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrongPassword))
                .hasNoCause();
    }

    @Test
    void shouldSayWhichTableIsMissing() {
        assertThatThrownBy(() -> read(Map.of("connection", "examples", "table", "no_such_table")))
                .hasMessageStartingWith("read-jdbc: connection 'examples': ")
                .hasMessageContaining("\"no_such_table\" does not exist")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestDatabase.PASSWORD));
    }

    @Test
    void shouldKeepThePasswordOutOfTheQueryPlan() {
        TableData iris = read(Map.of("connection", "examples", "table", "iris"));

        assertThat(iris.rows().queryExecution().toString()).contains("iris").doesNotContain(TestDatabase.PASSWORD);
    }

    @Test
    void shouldListTheConfiguredConnectionsForAnUnknownName() {
        assertThatThrownBy(() -> read(Map.of("connection", "nope", "table", "iris")))
                .hasMessage("read-jdbc: param 'connection': no connection is named 'nope'; the configured ones "
                        + "are examples");
    }

    @Test
    void shouldAskForATableOrAQueryButNotBoth() {
        assertThatThrownBy(() -> read(Map.of("connection", "examples")))
                .hasMessageContaining("give either param 'table' or param 'query', not neither");
        assertThatThrownBy(() -> read(Map.of("connection", "examples", "table", "iris", "query", "SELECT 1")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> read(Map.of("connection", "examples", "table", "iris", "partitionColumn",
                "sepal_length_cm"))).hasMessageContaining("needs all of params");
    }

    private static TableData read(Map<String, Object> params) {
        return (TableData) TestRun.execute("read-jdbc", params, Map.of()).get("out");
    }

    private static ReportData write(Map<String, Object> params, TableData in) {
        return (ReportData) TestRun.execute("write-jdbc", params, Map.of("in", in)).get("report");
    }

    /** Runs a component with other connections than the test database's own. */
    private static Map<String, Object> run(String componentId, Map<String, Object> params, DataAccess data)
            throws Exception {
        BoundParams bound = InputSpecs.bind(TestRun.REGISTRY.byId(componentId).descriptor(), params, Map.of());
        NodeContext context = new NodeContext(componentId, bound, Map.of(), data);
        TestRun.REGISTRY.byId(componentId).execute(context);
        return context.outputs();
    }

    private static void assertSameRows(Dataset<Row> actual, Dataset<Row> expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.exceptAll(expected).count()).isZero();
        assertThat(expected.exceptAll(actual).count()).isZero();
    }
}
