package io.easel.component.csv;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Infers a table's columns from CSV text the way Spark's CSV reader does with {@code inferSchema=true} and default
 * options, without Spark: the sample datasets' specs are sniffed when the catalog is built, and the server's
 * "detect schema" action sniffs the head of a file the user points a read-csv node at.
 *
 * <p>What matches Spark (one partition, default options):
 * <ul>
 *   <li>records are lines; lines that are empty or only spaces are skipped; with a header, the first line names the
 *       columns and every line equal to it is skipped; a leading UTF-8 byte-order mark is dropped;</li>
 *   <li>column names: header cells as they are, {@code _c<i>} for an empty header cell or without a header, and
 *       {@code <name><i>} for names that repeat (ignoring case);</li>
 *   <li>an empty cell is null and does not vote; quotes around a cell are removed before its type is tried;</li>
 *   <li>each cell is tried, from the type the column has so far, as integer, long, double (including
 *       {@code NaN}, {@code Inf}, {@code -Inf}), boolean ({@code true}/{@code false}, any case), else string, and
 *       the column takes the widest type its cells need (integer &lt; long &lt; double; anything mixed with boolean
 *       or string is string); a column with no values is string. Numbers are parsed by the same JDK methods Spark
 *       uses, so e.g. {@code " 3"} is a double and {@code "+3"} an integer, as in Spark.</li>
 * </ul>
 *
 * <p>Deliberate differences: values Spark would read as dates or timestamps (e.g. {@code 2024-01-31}) stay
 * <b>string</b> here, because which texts Spark takes for dates depends on its formatter and options, and a string
 * column is always readable; integers too long for a long (which Spark types as {@code decimal(p,0)}) are
 * <b>double</b>, the nearest Easel type. Quoted cells may use {@code \"} or {@code ""} for a quote; a quoted cell
 * cannot span lines (Spark's default {@code multiLine=false}).
 */
public final class CsvSchemaSniffer {

    private static final String NAN = "NaN";
    private static final String POSITIVE_INFINITY = "Inf";
    private static final String NEGATIVE_INFINITY = "-Inf";

    /**
     * How to read the text.
     *
     * @param header whether the first line names the columns
     * @param delimiter the cell separator as Spark's {@code sep} option takes it: one or more characters, or an
     *     escape such as {@code \t}
     */
    public record Options(boolean header, String delimiter) {

        public Options {
            Objects.requireNonNull(delimiter, "delimiter");
            separator(delimiter); // fail early on a delimiter Spark would refuse
        }

        /** Spark's defaults: a header line and commas. */
        public static Options defaults() {
            return new Options(true, ",");
        }
    }

    private CsvSchemaSniffer() {}

    /** Sniffs CSV text (lines separated by {@code \n} or {@code \r\n}). */
    public static TableSpec sniff(String text, Options options) {
        return sniff(text.lines().toList(), options);
    }

    /** Sniffs the first {@code maxLines} lines a reader gives, e.g. the head of a large file. */
    public static TableSpec sniff(Reader reader, Options options, int maxLines) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> head = new ArrayList<>();
        String line;
        while (head.size() < maxLines && (line = lines.readLine()) != null) {
            head.add(line);
        }
        return sniff(head, options);
    }

    /**
     * Sniffs CSV records, one per line.
     *
     * @throws IllegalArgumentException when there is no line to take the columns from
     */
    public static TableSpec sniff(List<String> lines, Options options) {
        String separator = separator(options.delimiter());
        List<String> records = lines.stream().filter(l -> !isBlank(l)).toList();
        if (records.isEmpty()) {
            throw new IllegalArgumentException("The CSV text has no lines to take the columns from");
        }
        String first = stripByteOrderMark(records.get(0));
        List<String> firstCells = tokenize(first, separator);
        String[] names = columnNames(firstCells, options.header());
        Inferred[] types = new Inferred[names.length];
        Arrays.fill(types, Inferred.NULL);
        for (int r = 0; r < records.size(); r++) {
            String record = r == 0 ? first : records.get(r);
            if (options.header() && record.equals(first)) {
                continue; // Spark drops every line equal to the header, not only the first
            }
            List<String> cells = tokenize(record, separator);
            for (int c = 0; c < Math.min(types.length, cells.size()); c++) {
                types[c] = infer(types[c], cells.get(c));
            }
        }
        List<ColumnSpec> columns = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            columns.add(ColumnSpec.of(names[c], types[c].easelType));
        }
        return new TableSpec(columns);
    }

    /** The types a column can have while cells are read; the order of widening follows Spark's. */
    private enum Inferred {
        NULL(DataType.STRING),
        INTEGER(DataType.INTEGER),
        LONG(DataType.LONG),
        /** An integer too long for a long; Spark says decimal(p,0). */
        DECIMAL(DataType.DOUBLE),
        DOUBLE(DataType.DOUBLE),
        BOOLEAN(DataType.BOOLEAN),
        STRING(DataType.STRING);

        final DataType easelType;

        Inferred(DataType easelType) {
            this.easelType = easelType;
        }

        boolean isNumeric() {
            return this == INTEGER || this == LONG || this == DECIMAL || this == DOUBLE;
        }
    }

    private static Inferred infer(Inferred soFar, String cell) {
        if (cell == null || cell.isEmpty()) {
            return soFar;
        }
        Inferred cellType = switch (soFar) {
            case NULL, INTEGER -> tryInteger(cell);
            case LONG -> tryLong(cell);
            case DECIMAL -> tryDecimal(cell);
            case DOUBLE -> tryDouble(cell);
            case BOOLEAN -> tryBoolean(cell);
            case STRING -> Inferred.STRING;
        };
        return widest(soFar, cellType);
    }

    private static Inferred widest(Inferred a, Inferred b) {
        if (a == Inferred.NULL || a == b) {
            return b;
        }
        if (a.isNumeric() && b.isNumeric()) {
            // integer < long < decimal < double, as Spark widens them
            return a.ordinal() > b.ordinal() ? a : b;
        }
        return Inferred.STRING;
    }

    private static Inferred tryInteger(String cell) {
        try {
            Integer.parseInt(cell);
            return Inferred.INTEGER;
        } catch (NumberFormatException e) {
            return tryLong(cell);
        }
    }

    private static Inferred tryLong(String cell) {
        try {
            Long.parseLong(cell);
            return Inferred.LONG;
        } catch (NumberFormatException e) {
            return tryDecimal(cell);
        }
    }

    private static Inferred tryDecimal(String cell) {
        try {
            BigDecimal value = new BigDecimal(cell);
            // Spark takes only whole numbers of at most 38 digits as decimals; a negative scale (1e5) is refused
            if (value.scale() == 0 && value.precision() <= 38) {
                return Inferred.DECIMAL;
            }
        } catch (NumberFormatException e) {
            // not a decimal: try double
        }
        return tryDouble(cell);
    }

    private static Inferred tryDouble(String cell) {
        if (cell.equals(NAN) || cell.equals(POSITIVE_INFINITY) || cell.equals(NEGATIVE_INFINITY)) {
            return Inferred.DOUBLE;
        }
        try {
            Double.parseDouble(cell);
            return Inferred.DOUBLE;
        } catch (NumberFormatException e) {
            return tryBoolean(cell);
        }
    }

    private static Inferred tryBoolean(String cell) {
        return cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false") ? Inferred.BOOLEAN : Inferred.STRING;
    }

    /** Spark's header rules: empty names become {@code _c<i>}, repeated names (any case) get their index. */
    private static String[] columnNames(List<String> firstCells, boolean header) {
        String[] names = new String[firstCells.size()];
        if (!header) {
            for (int i = 0; i < names.length; i++) {
                names[i] = "_c" + i;
            }
            return names;
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (String cell : firstCells) {
            if (cell != null && !seen.add(cell.toLowerCase(Locale.ROOT))) {
                repeated.add(cell.toLowerCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < names.length; i++) {
            String cell = firstCells.get(i);
            if (cell == null || cell.isEmpty()) {
                names[i] = "_c" + i;
            } else if (repeated.contains(cell.toLowerCase(Locale.ROOT))) {
                names[i] = cell + i;
            } else {
                names[i] = cell;
            }
        }
        return names;
    }

    /**
     * Splits one line into cells. An unquoted empty cell is null; quotes around a cell are removed, and inside them
     * {@code \"} and {@code ""} stand for a quote.
     */
    static List<String> tokenize(String line, String separator) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder cell = new StringBuilder();
                i++;
                while (i < n) {
                    char ch = line.charAt(i);
                    if (ch == '\\' && i + 1 < n && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                    } else if (ch == '"' && i + 1 < n && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                    } else if (ch == '"') {
                        i++;
                        break;
                    } else {
                        cell.append(ch);
                        i++;
                    }
                }
                // anything between the closing quote and the separator belongs to the cell, as univocity keeps it
                int end = line.indexOf(separator, i);
                cell.append(line, i, end < 0 ? n : end);
                cells.add(cell.toString());
                if (end < 0) {
                    return cells;
                }
                i = end + separator.length();
            } else {
                int end = line.indexOf(separator, i);
                String cell = line.substring(i, end < 0 ? n : end);
                cells.add(cell.isEmpty() ? null : cell);
                if (end < 0) {
                    return cells;
                }
                i = end + separator.length();
            }
        }
    }

    /** Spark's reading of the {@code sep} option: {@code \t}, {@code \u0000} and {@code \\} are escapes. */
    private static String separator(String delimiter) {
        return switch (delimiter) {
            case "" -> throw new IllegalArgumentException("The delimiter must not be empty");
            case "\\t" -> "\t";
            case "\\u0000" -> "\u0000";
            case "\\\\" -> "\\";
            default -> {
                if (delimiter.length() > 1 && delimiter.startsWith("\\")) {
                    throw new IllegalArgumentException("Unsupported delimiter escape '" + delimiter + "'");
                }
                yield delimiter;
            }
        };
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ') {
                return false; // Spark trims only spaces when it drops empty lines
            }
        }
        return true;
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
