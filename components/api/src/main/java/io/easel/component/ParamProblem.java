package io.easel.component;

/**
 * Why a param value cannot be used, placed on the param (and the port whose columns it names) so a form can show it
 * there.
 *
 * @param param the param at fault
 * @param port the input port whose columns the param names, or null
 * @param message an English sentence naming the param (not the node: the caller knows where it is)
 */
public record ParamProblem(String param, String port, Kind kind, String message) {

    public enum Kind {
        UNKNOWN_PARAM,
        MISSING_PARAM,
        INVALID_PARAM,
        UNKNOWN_COLUMN,
        WRONG_COLUMN_TYPE,
        /** The same column picked by two params that exclude each other (the label as a feature too). */
        COLUMN_CONFLICT,
        /** A new column named by a param that the input table already has. */
        COLUMN_EXISTS,
        /** Left empty to take every suitable column, but there is none. */
        NO_COLUMNS
    }

    @Override
    public String toString() {
        return message;
    }
}
