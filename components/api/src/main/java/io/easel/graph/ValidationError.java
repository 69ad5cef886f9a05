package io.easel.graph;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem with a graph, placed as precisely as possible so the canvas can show it on the node and the form on
 * the param.
 *
 * @param nodeId the node at fault, or null for graph-wide problems
 * @param param the param at fault, or null
 * @param port the port at fault, or null
 * @param code a stable machine-readable code, e.g. {@code MISSING_PARAM}
 * @param message an English sentence naming node and param
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationError(String nodeId, String param, String port, Code code, String message) {

    public enum Code {
        UNSUPPORTED_FORMAT,
        /** More nodes or edges than the configured limits allow. */
        GRAPH_TOO_LARGE,
        DUPLICATE_NODE,
        UNKNOWN_COMPONENT,
        UNSUPPORTED_VERSION,
        UNKNOWN_NODE,
        UNKNOWN_PORT,
        INCOMPATIBLE_PORTS,
        PORT_HAS_TWO_INPUTS,
        MISSING_INPUT,
        CYCLE,
        UNKNOWN_PARAM,
        MISSING_PARAM,
        INVALID_PARAM,
        UNKNOWN_COLUMN,
        WRONG_COLUMN_TYPE,
        COLUMN_CONFLICT,
        /** A param names a new column that its input table already has. */
        COLUMN_EXISTS,
        NO_COLUMNS,
        /** A path param names a place outside the data roots, or a file system Easel may not reach. */
        PATH_NOT_ALLOWED,
        /** A connection param names a database connection the server does not have. */
        UNKNOWN_CONNECTION,
        /** A path param names an upload ({@code {uploads}/…}) the experiment's workspace does not have. */
        UPLOAD_NOT_FOUND,
        /** A database source's table or query could not be read from its database (the reason in the message). */
        DATABASE_UNREADABLE
    }

    @Override
    public String toString() {
        return message;
    }
}
