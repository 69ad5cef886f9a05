package io.easel.components.builtin.text;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** WordNet's glosses run through the text components, as the tests of this package need them. */
final class Glosses {

    private Glosses() {}

    static TableData raw() {
        return TestRun.dataset("wordnet_glosses");
    }

    static TableData run(String component, Map<String, Object> params, TableData in) {
        return (TableData) TestRun.execute(component, params, Map.of("in", in)).get("out");
    }

    /** The glosses tokenized into words (column {@code tokens}). */
    static TableData tokens() {
        return run("tokenize", Map.of("textColumn", "gloss"), raw());
    }

    /** The tokens without English stop words (column {@code words}). */
    static TableData words() {
        return run("remove-stop-words", Map.of("tokensColumn", "tokens"), tokens());
    }

    /** The word lists of a column, row by row. */
    static List<List<String>> lists(TableData table, String column) {
        return table.rows().select(column).collectAsList().stream().map(Glosses::list).toList();
    }

    static List<String> list(Row row) {
        return row.isNullAt(0) ? null : row.getList(0);
    }
}
