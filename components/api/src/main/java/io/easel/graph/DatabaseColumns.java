package io.easel.graph;

import io.easel.component.TableSpec;

/**
 * Asks a database, before any run, which columns a table or a query has: how a node that reads a database through a
 * named connection gets its output columns at design time (so the column pickers downstream fill without a run), as a
 * file source gets them from its declared schema. The server answers it over the connections a workspace may use;
 * without it (the engine, tests) such a node's columns are known once it has run.
 *
 * <p>A database source is a component with no inputs, one table output, a connection param and the params
 * {@value #TABLE_PARAM} and {@value #QUERY_PARAM} (one of them given).
 */
@FunctionalInterface
public interface DatabaseColumns {

    /** The param a database source names its table (or view) by. */
    String TABLE_PARAM = "table";

    /** The param a database source gives its SELECT query in. */
    String QUERY_PARAM = "query";

    /**
     * The columns, each in the nearest Easel type of its database type (as the engine reads them).
     *
     * @param connection the name of a connection the workspace may use
     * @param table the table to read, or null when {@code query} is given
     * @param query the SELECT query whose rows to read, or null when {@code table} is given
     * @throws IllegalArgumentException with the database's reason, in words for people, never holding the password
     */
    TableSpec columns(String connection, String table, String query);
}
