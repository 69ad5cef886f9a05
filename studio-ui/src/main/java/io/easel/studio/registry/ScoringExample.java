package io.easel.studio.registry;

import io.easel.component.ColumnSpec;
import io.easel.component.TableSpec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ready-to-paste request for a deployed model: its absolute URL, a real sample record and the curl command sending
 * it.
 *
 * @param record one raw record, keyed by the model's input columns in their order
 */
public record ScoringExample(String url, Map<String, Object> record) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The first row of a table result, with the table's columns. */
    public record SampleRow(TableSpec spec, List<Object> values) {

        Optional<Object> value(ColumnSpec column, boolean sameType) {
            int index = spec.columnNames().indexOf(column.name());
            if (index < 0 || index >= values.size()) {
                return Optional.empty();
            }
            if (sameType && spec.columns().get(index).type() != column.type()) {
                return Optional.empty();
            }
            return Optional.ofNullable(values.get(index));
        }

        long matches(List<ColumnSpec> inputs) {
            return inputs.stream().filter(c -> value(c, true).isPresent()).count();
        }
    }

    /**
     * Builds a record for {@code inputs} from real rows: the row that has most of the inputs with their exact types
     * (typically the dataset the experiment read, before conversions) supplies values first, others fill gaps, and
     * a typed placeholder stands in for a column no row has.
     *
     * @param rows first rows of tables upstream of the model, nearest first
     */
    public static Map<String, Object> sampleRecord(List<ColumnSpec> inputs, List<SampleRow> rows) {
        List<SampleRow> ranked = rows.stream()
                .sorted(Comparator.comparingLong((SampleRow r) -> r.matches(inputs)).reversed())
                .toList();
        Map<String, Object> record = new LinkedHashMap<>();
        for (ColumnSpec column : inputs) {
            Object value = ranked.stream().map(r -> r.value(column, true)).flatMap(Optional::stream).findFirst()
                    .or(() -> ranked.stream().map(r -> r.value(column, false)).flatMap(Optional::stream)
                            .findFirst())
                    .orElseGet(() -> placeholder(column));
            record.put(column.name(), value);
        }
        return record;
    }

    private static Object placeholder(ColumnSpec column) {
        return switch (column.type()) {
            case INTEGER, LONG -> 0;
            case DOUBLE -> 0.0;
            case BOOLEAN -> false;
            case DATE -> "2024-01-01";
            case TIMESTAMP -> "2024-01-01T00:00:00Z";
            case STRING, VECTOR -> "";
            case TOKENS -> List.of();
        };
    }

    /** The request body: the record as a JSON object. */
    public String body() {
        return JSON.writeValueAsString(record);
    }

    /** The shell variable the example takes the workspace's API key from. */
    static final String API_KEY_VARIABLE = "EASEL_API_KEY";

    /**
     * A curl command for a POSIX shell, authenticated by the API key in {@value #API_KEY_VARIABLE}; the body is
     * single-quoted, so quotes inside it are escaped.
     */
    public String curl() {
        return "curl -X POST '" + shellQuoted(url) + "' \\\n"
                + "  -H \"Authorization: Bearer $" + API_KEY_VARIABLE + "\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d '" + shellQuoted(body()) + "'";
    }

    private static String shellQuoted(String text) {
        return text.replace("'", "'\\''");
    }
}
