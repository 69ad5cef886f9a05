package io.easel.components.builtin.preparation;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Runs preparation components on tables outside a graph, as the engine would bind them. */
final class Prep {

    private Prep() {}

    /** The "out" table of a one-input component. */
    static TableData out(String component, Map<String, Object> params, TableData in) {
        return (TableData) TestRun.execute(component, params, Map.of("in", in)).get("out");
    }

    /** The "out" table of a component with the given inputs by port. */
    static TableData out(String component, Map<String, Object> params, Map<String, Object> inputs) {
        return (TableData) TestRun.execute(component, params, inputs).get("out");
    }

    static List<Row> rows(TableData table) {
        return table.rows().collectAsList();
    }

    static List<String> columns(TableData table) {
        return List.of(table.rows().columns());
    }
}
