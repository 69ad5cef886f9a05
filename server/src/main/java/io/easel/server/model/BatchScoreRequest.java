package io.easel.server.model;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to score and where the result goes.
 *
 * @param input the table to score
 * @param output where the scored table is written
 * @param probabilities whether a classifier's class probabilities are appended (default true)
 */
@Schema(description = "A table to score with a model version, and where the scored table goes")
record BatchScoreRequest(
        @Schema(description = "The table to score", requiredMode = Schema.RequiredMode.REQUIRED) Table input,
        @Schema(description = "Where the scored table is written", requiredMode = Schema.RequiredMode.REQUIRED)
        Table output,
        @Schema(description = "Whether a classifier's class probabilities are appended; default true")
        Boolean probabilities) {

    /** The file formats and the database a batch reads and writes, by the components that do it. */
    enum Format {
        CSV("read-csv", "write-csv"),
        PARQUET("read-parquet", "write-parquet"),
        JDBC("read-jdbc", "write-jdbc");

        final String source;
        final String sink;

        Format(String source, String sink) {
            this.source = source;
            this.sink = sink;
        }

        static Format of(String field, String value) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return format;
                }
            }
            throw new BatchScoreRequestException(field, "must be csv, parquet or jdbc, not '" + value + "'");
        }
    }

    /**
     * A file (csv, parquet: {@code path}) or a database table (jdbc: {@code connection} and {@code table}).
     *
     * @param mode for an output, what to do when it exists: the sink's {@code mode} (default: fail)
     */
    @Schema(description = "A file (format csv or parquet, with path) or a database table (format jdbc, with "
            + "connection and table)")
    record Table(
            @Schema(description = "csv, parquet or jdbc", requiredMode = Schema.RequiredMode.REQUIRED) String format,
            @Schema(description = "For csv and parquet: the file or directory, under the server's data roots")
            String path,
            @Schema(description = "For jdbc: the name of a database connection of the workspace") String connection,
            @Schema(description = "For jdbc: the table") String table,
            @Schema(description = "For an output: what to do when it exists (errorIfExists, overwrite; for jdbc "
                    + "also append); default errorIfExists") String mode) {

        Format format(String field) {
            return Format.of(field + ".format", format);
        }

        /** The params of the component that reads (or writes) this table. */
        Map<String, Object> params(String field) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (format(field) == Format.JDBC) {
                params.put("connection", required(field + ".connection", connection));
                params.put("table", required(field + ".table", table));
            } else {
                params.put("path", required(field + ".path", path));
            }
            if (mode != null) {
                params.put("mode", mode);
            }
            return params;
        }

        /** As the experiment's description names it. */
        String describe() {
            return connection != null && table != null ? "table " + table + " of connection " + connection
                    : format + " " + path;
        }

        private static String required(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new BatchScoreRequestException(field, "is required");
            }
            return value.strip();
        }
    }
}
