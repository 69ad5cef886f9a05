package io.easel.server.run;

import io.easel.component.ColumnSpec;
import java.util.List;

/**
 * A page of the rows of a table output.
 *
 * @param columns the output's columns, in the order of each row's values
 * @param rowCount the rows of the whole output
 * @param matchingRows the rows that pass the filters and the search (the whole output without them)
 * @param offset where this page starts among the matching rows, in their order
 * @param rows the page, each a list of JSON values in column order (vectors as arrays, dates and timestamps as
 *     ISO-8601 strings), as in a node's sample rows
 */
public record PortRows(List<ColumnSpec> columns, long rowCount, long matchingRows, long offset,
        List<List<Object>> rows) {}
