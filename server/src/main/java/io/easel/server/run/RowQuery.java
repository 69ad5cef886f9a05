package io.easel.server.run;

import java.util.List;
import java.util.Locale;

/**
 * Which rows of a table output to answer: a page ({@code offset}, {@code limit}) of the rows in the component's
 * order, or sorted by one column, of all rows or of those that pass every filter and contain the search text.
 *
 * @param sort the column to sort by, or null for the component's order
 * @param filters conditions every answered row meets ({@link RowFilter})
 * @param search text that some cell of every answered row contains (ignoring case), or null
 */
public record RowQuery(long offset, int limit, Sort sort, List<RowFilter> filters, String search) {

    /** The most rows one request answers. */
    public static final int MAX_LIMIT = 1_000;
    public static final int DEFAULT_LIMIT = 50;

    /** Sorting by a column: ties keep the component's order. */
    public record Sort(String column, boolean descending) {}

    public RowQuery {
        if (offset < 0) {
            throw RowQueryException.badParam("offset", "offset must be 0 or more, not " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RowQueryException.badParam("limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit
                    + "; page through larger outputs with offset, or download them");
        }
        filters = filters == null ? List.of() : List.copyOf(filters);
        search = search == null || search.isBlank() ? null : search;
    }

    /** The first {@code limit} rows in the component's order. */
    public static RowQuery page(long offset, int limit) {
        return new RowQuery(offset, limit, null, List.of(), null);
    }

    /**
     * The query as the REST API and the studio write it: {@code sort} as {@code column} or {@code column,desc}
     * ({@code ,asc} allowed), each filter as {@code column op value}.
     */
    public static RowQuery of(long offset, int limit, String sort, List<String> filters, String search) {
        return new RowQuery(offset, limit, sort == null || sort.isBlank() ? null : parseSort(sort),
                filters == null ? List.of() : filters.stream().filter(f -> !f.isBlank()).map(RowFilter::parse)
                        .toList(), search);
    }

    /** Whether answering needs every row read (sorted, filtered or searched) rather than only the page. */
    boolean readsEveryRow() {
        return sort != null || !filters.isEmpty() || search != null;
    }

    /** {@code column[,asc|desc]}; a column whose own name ends in a comma and other text is sorted ascending. */
    private static Sort parseSort(String sort) {
        int comma = sort.lastIndexOf(',');
        String direction = comma < 0 ? "" : sort.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
        boolean directed = direction.equals("asc") || direction.equals("desc");
        return new Sort(directed ? sort.substring(0, comma).trim() : sort.trim(), direction.equals("desc"));
    }
}
