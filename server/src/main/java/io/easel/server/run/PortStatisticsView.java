package io.easel.server.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.easel.component.Text;
import io.easel.run.FailureCause;
import java.util.List;

/**
 * The column statistics of a table output, or where they are: {@value #READY} with the figures, {@value #COMPUTING}
 * while the engine computes them (ask again), {@value #FAILED} with the reason when it could not (asking again tries
 * once more).
 *
 * @param rows the output's row count
 * @param completeRows rows without a missing value
 * @param columns every column but vectors, in the output's order
 * @param message why the statistics failed, as the engine said it
 * @param cause why they failed in plain words in both languages: Spark's errors explained ({@link FailureCause}), any
 *     other message as it is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortStatisticsView(String state, Long rows, Long completeRows, List<ColumnStatistics> columns,
        String message, Text cause) {

    public static final String READY = "ready";
    public static final String COMPUTING = "computing";
    public static final String FAILED = "failed";

    static PortStatisticsView computing() {
        return new PortStatisticsView(COMPUTING, null, null, null, null, null);
    }

    /** @param failure the engine's message */
    static PortStatisticsView failed(String failure) {
        return failed(failure, FailureCause.explain(failure).orElseGet(() -> Text.of(failure, failure)));
    }

    /**
     * @param failure what went wrong, for logs and clients
     * @param cause the same in plain words in both languages
     */
    static PortStatisticsView failed(String failure, Text cause) {
        return new PortStatisticsView(FAILED, null, null, null,
                "The engine could not compute the statistics of this output: " + failure, cause);
    }

    public boolean isReady() {
        return READY.equals(state);
    }

    public boolean isComputing() {
        return COMPUTING.equals(state);
    }

    /**
     * One column's figures; those that do not apply to its type (a text column's mean) are absent.
     *
     * @param count present values
     * @param missingShare missing values as a share of the rows, 0 to 1
     * @param distinct distinct present values
     * @param topValues the most frequent present values, most frequent first: "value (count), …"
     * @param histogram numeric columns: equal-width bins from min to max
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnStatistics(String name, String type, long count, long missing, Double missingShare,
            long distinct, Double mean, Double std, Double min, Double max, String topValues, Histogram histogram) {}

    /** {@code edges} has one more entry than {@code counts}: bin i holds the values from edge i to edge i + 1. */
    public record Histogram(List<Double> edges, List<Long> counts) {}
}
