package io.easel.server.run;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition on a column, written {@code column op value}: {@code age >= 30}, {@code purpose = "new car"},
 * {@code purpose contains car}, {@code prediction != null}. The value is read as the column's type (a number for
 * number columns, {@code true}/{@code false}, an ISO date or timestamp) and compared, never evaluated; {@code contains}
 * matches the cell's text ignoring case, for any column. A missing value matches only {@code = null}.
 */
record RowFilter(String column, Operator operator, String value) {

    enum Operator {
        NOT_EQUAL("!="), AT_MOST("<="), AT_LEAST(">="), EQUAL("="), LESS("<"), GREATER(">"), CONTAINS("contains");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean accepts(int comparison) {
            return switch (this) {
                case NOT_EQUAL -> comparison != 0;
                case AT_MOST -> comparison <= 0;
                case AT_LEAST -> comparison >= 0;
                case EQUAL -> comparison == 0;
                case LESS -> comparison < 0;
                case GREATER -> comparison > 0;
                case CONTAINS -> throw new IllegalStateException("contains compares text");
            };
        }
    }

    static final String PARAM = "filter";
    private static final Pattern COMPARISON = Pattern.compile("\\s*(.+?)\\s*(!=|<=|>=|=|<|>)\\s*(.*?)\\s*",
            Pattern.DOTALL);
    private static final Pattern CONTAINS = Pattern.compile("\\s*(.+?)\\s+contains\\s+(.*?)\\s*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final String NULL = "null";

    static RowFilter parse(String text) {
        Matcher contains = CONTAINS.matcher(text);
        if (contains.matches()) {
            return new RowFilter(contains.group(1), Operator.CONTAINS, unquoted(contains.group(2)));
        }
        Matcher comparison = COMPARISON.matcher(text);
        if (comparison.matches()) {
            String symbol = comparison.group(2);
            Operator operator = List.of(Operator.values()).stream().filter(op -> op.symbol.equals(symbol))
                    .findFirst().orElseThrow();
            return new RowFilter(comparison.group(1), operator, comparison.group(3));
        }
        throw RowQueryException.badParam(PARAM, "'" + text + "' is not 'column op value' with op one of =, !=, <, "
                + "<=, >, >=, contains (e.g. 'age >= 30' or 'purpose contains car')");
    }

    /** The condition as a test of rows of {@code spec}. */
    Predicate<List<Object>> on(TableSpec spec) {
        int index = spec.columnNames().indexOf(column);
        if (index < 0) {
            throw RowQueryException.badParam(PARAM, "There is no column '" + column + "' (columns: "
                    + String.join(", ", spec.columnNames()) + ")");
        }
        ColumnSpec target = spec.columns().get(index);
        if (operator == Operator.CONTAINS) {
            String needle = value.toLowerCase(Locale.ROOT);
            return row -> row.get(index) != null && Cells.text(row.get(index)).toLowerCase(Locale.ROOT)
                    .contains(needle);
        }
        if (value.equals(NULL) && (operator == Operator.EQUAL || operator == Operator.NOT_EQUAL)) {
            boolean missing = operator == Operator.EQUAL;
            return row -> (row.get(index) == null) == missing;
        }
        Object operand = operand(target);
        return row -> row.get(index) != null && operator.accepts(Cells.compare(row.get(index), operand));
    }

    private Object operand(ColumnSpec target) {
        String text = unquoted(value);
        try {
            return switch (target.type()) {
                case INTEGER, LONG, DOUBLE -> new BigDecimal(text);
                case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException();
                };
                case DATE -> LocalDate.parse(text);
                case TIMESTAMP -> text.contains("T") ? Instant.parse(text)
                        : LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                case STRING -> text;
                case VECTOR, TOKENS -> throw RowQueryException.badParam(PARAM, "Column '" + column + "' holds "
                        + target.type().jsonName() + "s: filter it with 'contains' or '= null'");
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw RowQueryException.badParam(PARAM, "'" + text + "' is not " + expected(target.type())
                    + ", which column '" + column + "' holds");
        }
    }

    private static String expected(DataType type) {
        return switch (type) {
            case INTEGER, LONG, DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case DATE -> "a date (2024-01-31)";
            case TIMESTAMP -> "a timestamp (2024-01-31T12:00:00Z) or a date";
            default -> "a " + type.jsonName();
        };
    }

    /** A value in double quotes may start or end with spaces, or be the text "null". */
    private static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
