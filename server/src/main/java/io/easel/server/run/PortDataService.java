package io.easel.server.run;

import io.easel.component.TableSpec;
import io.easel.run.PortResult;
import io.easel.server.settings.StudioOnly;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * The whole of every table output of a run, read from its Parquet files in the run workspace without Spark: pages
 * of rows in the component's order, sorted by a column, filtered and searched; and downloads as CSV or Parquet.
 * Membership of the run's workspace is checked as for the node's results (404 for everyone else).
 *
 * <p>Sorting, filtering and searching read every row: outputs up to {@value #MAX_ROWS_READ} rows are served, and a
 * sorted page must lie within the first {@value #MAX_SORTED_WINDOW} rows of its order (kept in a bounded heap), so
 * one request never holds more than that many rows nor reads without end.
 */
@Service
@StudioOnly
public class PortDataService {

    /** The largest output sorted, filtered or searched (a few seconds of reading on one core). */
    public static final long MAX_ROWS_READ = 5_000_000;
    /** How deep into a sorted order a page may start (offset + limit). */
    public static final int MAX_SORTED_WINDOW = 100_000;

    /** The file formats of a download. */
    public enum Format {
        CSV, PARQUET
    }

    /** Writes a download's bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A download: the file name it is saved as, its media type and its bytes, written as they are read. */
    public record Download(String fileName, String contentType, Body body) {}

    private record TableOutput(TableSpec spec, TableFiles files, String location) {}

    /** A row with its place in the component's order, which breaks ties of a sort. */
    private record Numbered(List<Object> row, long place) {}

    private final RunService runs;
    private final RunLedger ledger;
    private final RunWorkspace workspace;

    PortDataService(RunService runs, RunLedger ledger, RunWorkspace workspace) {
        this.runs = runs;
        this.ledger = ledger;
        this.workspace = workspace;
    }

    public PortRows rows(UUID runId, String nodeId, String port, RowQuery query) {
        TableOutput output = output(runId, nodeId, port);
        try {
            long rowCount = output.files().rowCount();
            if (!query.readsEveryRow()) {
                List<List<Object>> page = new ArrayList<>();
                output.files().scan(query.offset(), row -> {
                    page.add(Cells.jsonRow(row));
                    return page.size() < query.limit();
                });
                return new PortRows(output.spec().columns(), rowCount, rowCount, query.offset(), page);
            }
            if (rowCount > MAX_ROWS_READ) {
                throw new RowQueryException("Output too large to sort or filter", "This output has " + rowCount
                        + " rows; the server sorts, filters and searches outputs of up to " + MAX_ROWS_READ
                        + " rows. Page through it unsorted, or download it.");
            }
            return query.sort() == null ? filtered(output, query, rowCount) : sorted(output, query, rowCount);
        } catch (IOException e) {
            throw new UncheckedIOException("Run " + runId + ", node " + nodeId + ", port " + port
                    + ": the output could not be read", e);
        }
    }

    /** The output as a file: CSV written row by row, or the Parquet file (a zip of the parts when there are more). */
    public Download download(UUID runId, String nodeId, String port, Format format) {
        TableOutput output = output(runId, nodeId, port);
        String name = fileName(ledger.experimentName(runId)) + "-" + fileName(nodeId) + "-" + fileName(port);
        List<String> parts = output.files().partNames();
        return switch (format) {
            case CSV -> new Download(name + ".csv", "text/csv;charset=UTF-8", out -> writeCsv(output, out));
            case PARQUET -> parts.size() == 1
                    ? new Download(name + ".parquet", "application/vnd.apache.parquet",
                            out -> output.files().copyPart(parts.getFirst(), out))
                    : new Download(name + ".zip", "application/zip", out -> zipParts(output.files(), name, out));
        };
    }

    /**
     * Where a table output of a run lies, checked as for its rows: the node's results must be readable by the caller,
     * and its files still in the workspace (404 otherwise).
     */
    String tableLocation(UUID runId, String nodeId, String port) {
        return output(runId, nodeId, port).location();
    }

    private TableOutput output(UUID runId, String nodeId, String port) {
        PortResult result = runs.nodeResult(runId, nodeId).outputs().get(port);
        if (result == null || !(result.spec() instanceof TableSpec spec) || result.location() == null) {
            throw new TableOutputNotFoundException(runId, nodeId, port, "");
        }
        try {
            return new TableOutput(spec, workspace.tableFiles(result.location()), result.location());
        } catch (FileNotFoundException gone) {
            throw new TableOutputNotFoundException(runId, nodeId, port, ": its files are no longer in the run "
                    + "workspace");
        } catch (IOException e) {
            throw new UncheckedIOException("Run " + runId + ", node " + nodeId + ", port " + port
                    + ": the output could not be listed", e);
        }
    }

    private PortRows filtered(TableOutput output, RowQuery query, long rowCount) throws IOException {
        Predicate<List<Object>> matches = matcher(output.spec(), query);
        List<List<Object>> page = new ArrayList<>();
        long[] matching = {0};
        output.files().scan(0, row -> {
            if (matches.test(row)) {
                if (matching[0] >= query.offset() && page.size() < query.limit()) {
                    page.add(Cells.jsonRow(row));
                }
                matching[0]++;
            }
            return true;
        });
        return new PortRows(output.spec().columns(), rowCount, matching[0], query.offset(), page);
    }

    /** The page of a sorted order, from a heap of the first offset + limit rows of that order. */
    private PortRows sorted(TableOutput output, RowQuery query, long rowCount) throws IOException {
        int column = output.spec().columnNames().indexOf(query.sort().column());
        if (column < 0) {
            throw RowQueryException.badParam("sort", "There is no column '" + query.sort().column() + "' (columns: "
                    + String.join(", ", output.spec().columnNames()) + ")");
        }
        if (query.offset() + query.limit() > MAX_SORTED_WINDOW) {
            throw RowQueryException.badParam("offset", "A sorted page must lie within the first "
                    + MAX_SORTED_WINDOW + " rows of its order (offset + limit); sort the other way or filter to "
                    + "reach rows further on");
        }
        Comparator<Numbered> order = Comparator.<Numbered, Object>comparing(n -> n.row().get(column),
                query.sort().descending() ? descendingMissingLast() : Cells.ORDER)
                .thenComparingLong(Numbered::place);
        int window = (int) (query.offset() + query.limit());
        PriorityQueue<Numbered> firstRows = new PriorityQueue<>(order.reversed());
        Predicate<List<Object>> matches = matcher(output.spec(), query);
        long[] place = {0};
        long[] matching = {0};
        output.files().scan(0, row -> {
            if (matches.test(row)) {
                matching[0]++;
                firstRows.add(new Numbered(row, place[0]));
                if (firstRows.size() > window) {
                    firstRows.poll();
                }
            }
            place[0]++;
            return true;
        });
        List<Numbered> inOrder = new ArrayList<>(firstRows);
        inOrder.sort(order);
        List<List<Object>> page = inOrder.stream().skip(query.offset()).map(n -> Cells.jsonRow(n.row())).toList();
        return new PortRows(output.spec().columns(), rowCount, matching[0], query.offset(), page);
    }

    private static Comparator<Object> descendingMissingLast() {
        return (a, b) -> a == null || b == null ? Cells.compare(a, b) : Cells.compare(b, a);
    }

    private static Predicate<List<Object>> matcher(TableSpec spec, RowQuery query) {
        Predicate<List<Object>> matches = row -> true;
        for (RowFilter filter : query.filters()) {
            matches = matches.and(filter.on(spec));
        }
        if (query.search() != null) {
            String needle = query.search().toLowerCase(Locale.ROOT);
            matches = matches.and(row -> row.stream().anyMatch(value -> value != null
                    && Cells.text(value).toLowerCase(Locale.ROOT).contains(needle)));
        }
        return matches;
    }

    private static void writeCsv(TableOutput output, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(new ArrayList<>(output.spec().columnNames()));
        try {
            output.files().scan(0, row -> {
                try {
                    csv.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static void zipParts(TableFiles files, String name, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String part : files.partNames()) {
            zip.putNextEntry(new ZipEntry(name + "/" + part));
            files.copyPart(part, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** A name as part of a file name: characters file systems refuse, and spaces, as '-'. */
    private static String fileName(String name) {
        String safe = name.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s]+", "-");
        return safe.isEmpty() ? "output" : safe;
    }
}
