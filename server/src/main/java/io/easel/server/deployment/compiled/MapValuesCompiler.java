package io.easel.server.deployment.compiled;

import com.google.common.collect.Table;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.FieldColumnPair;
import org.dmg.pmml.InlineTable;
import org.dmg.pmml.MapValues;
import org.jpmml.evaluator.InlineTableUtil;

/**
 * Compiles a {@code MapValues} of one text field over an inline table (a string indexer's export) to an array
 * indexed by the text's code: the row's output where a row names the text, the {@code defaultValue} where none does,
 * {@code mapMissingTo} for a missing text; either attribute absent means a missing result, as PMML defines them.
 */
final class MapValuesCompiler {

    private final RecordLayout layout;

    MapValuesCompiler(RecordLayout layout) {
        this.layout = layout;
    }

    ExpressionCompiler.Compiled compile(MapValues mapValues) throws NotCompilableException {
        List<FieldColumnPair> pairs = mapValues.getFieldColumnPairs();
        if (pairs.size() != 1) {
            throw new NotCompilableException("MapValues of " + pairs.size() + " fields");
        }
        int slot = layout.slot(pairs.getFirst().requireField());
        if (layout.kind(slot) != Kind.TEXT) {
            throw new NotCompilableException("MapValues of a " + layout.kind(slot) + " field");
        }
        InlineTable table = InlineTableUtil.getInlineTable(mapValues);
        if (table == null) {
            throw new NotCompilableException("MapValues without an inline table");
        }
        // the interpreter's own reading of the table, and its default output type
        Kind output = mapValues.getDataType() == null ? Kind.TEXT : Kind.of(mapValues.getDataType(), "MapValues");
        Map<Integer, Double> outputs = outputsByCode(InlineTableUtil.getContent(table),
                pairs.getFirst().requireColumn(), mapValues.requireOutputColumn(), output);
        double missing = valueOrMissing(mapValues.getMapMissingTo(), output);
        double unmatched = valueOrMissing(mapValues.getDefaultValue(), output);
        double[] byCode = new double[outputs.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        Arrays.fill(byCode, unmatched);
        outputs.forEach((code, value) -> byCode[code] = value);
        return new ExpressionCompiler.Compiled(slots -> {
            double text = slots[slot];
            if (Double.isNaN(text)) {
                return missing;
            }
            int code = (int) text;
            return code >= 0 && code < byCode.length ? byCode[code] : unmatched;
        }, output);
    }

    private Map<Integer, Double> outputsByCode(Table<Integer, String, Object> rows, String inputColumn,
            String outputColumn, Kind output) throws NotCompilableException {
        Map<Integer, Double> outputs = new HashMap<>();
        for (Map<String, Object> row : rows.rowMap().values()) {
            Object input = row.get(inputColumn);
            Object value = row.get(outputColumn);
            if (input == null || value == null) {
                throw new NotCompilableException("MapValues row without its '" + inputColumn + "' or '"
                        + outputColumn + "'");
            }
            int code = (int) layout.encode(input, Kind.TEXT);
            if (outputs.put(code, layout.encode(value, output)) != null) {
                throw new NotCompilableException("MapValues naming '" + input + "' twice");
            }
        }
        return outputs;
    }

    private double valueOrMissing(Object value, Kind kind) throws NotCompilableException {
        return value == null ? Double.NaN : layout.encode(value, kind);
    }
}
