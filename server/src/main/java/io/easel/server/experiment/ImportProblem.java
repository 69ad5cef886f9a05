package io.easel.server.experiment;

/**
 * One thing wrong with an experiment file.
 *
 * @param path where, as a JSON path: {@code $.nodes[2].component}
 * @param code what, for translations: {@link Code}
 * @param value the value in question (the unknown component, the expected type, the line and column…), or null
 * @param message the problem in English, with path and value
 */
public record ImportProblem(String path, Code code, String value, String message) {

    public enum Code {
        /** Not JSON at all; value is "line L, column C". */
        NOT_JSON,
        /** value is the JSON type expected there. */
        WRONG_TYPE,
        MISSING,
        BLANK,
        UNKNOWN_FIELD,
        /** value is the format version found. */
        UNSUPPORTED_FORMAT,
        /** value is the node id given twice. */
        DUPLICATE_NODE,
        /** value is the component id. */
        UNKNOWN_COMPONENT,
        /** value is the version the file names, newer than the catalog's. */
        UNSUPPORTED_VERSION,
        /** value is the node id an edge names. */
        UNKNOWN_NODE,
        /** value is the port an edge names. */
        UNKNOWN_PORT
    }

    static ImportProblem of(String path, Code code, String value) {
        return new ImportProblem(path, code, value, path + ": " + english(code, value));
    }

    private static String english(Code code, String value) {
        return switch (code) {
            case NOT_JSON -> "this is not valid JSON (at " + value + ")";
            case WRONG_TYPE -> "must be " + value;
            case MISSING -> "is required";
            case BLANK -> "must not be blank";
            case UNKNOWN_FIELD -> "is not a field of this format";
            case UNSUPPORTED_FORMAT -> "format version " + value + " is not supported; this build reads version 1";
            case DUPLICATE_NODE -> "node id '" + value + "' is used twice";
            case UNKNOWN_COMPONENT -> "there is no component '" + value + "' in the catalog";
            case UNSUPPORTED_VERSION -> "component version " + value + " is newer than this server's";
            case UNKNOWN_NODE -> "there is no node '" + value + "'";
            case UNKNOWN_PORT -> "the node has no such port '" + value + "'";
        };
    }
}
