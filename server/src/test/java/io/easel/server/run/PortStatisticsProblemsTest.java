package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.run.StatisticsUnavailableException.Reason;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Why column statistics are missing, said so that a client can show it in the user's language. */
class PortStatisticsProblemsTest {

    @Test
    void shouldExplainASparkErrorInBothLanguages() {
        PortStatisticsView failed = PortStatisticsView.failed("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable,"
                + " or function parameter with name `agee` cannot be resolved. Did you mean one of the following? "
                + "[`age`, `name`]. SQLSTATE: 42703");

        assertThat(failed.state()).isEqualTo(PortStatisticsView.FAILED);
        assertThat(failed.cause().en()).isEqualTo("Column 'agee' does not exist. Did you mean 'age'?");
        assertThat(failed.cause().in(Locale.CHINESE)).isEqualTo("列 'agee' 不存在。是否想用 'age'？");
        assertThat(failed.message()).endsWith("SQLSTATE: 42703");
    }

    @Test
    void shouldKeepAMessageNoRuleKnowsAsItsOwnCause() {
        PortStatisticsView failed = PortStatisticsView.failed("The output has no rows");

        assertThat(failed.cause().en()).isEqualTo("The output has no rows");
        assertThat(failed.cause().zh()).isEqualTo("The output has no rows");
    }

    @Test
    void shouldNameTheReasonInTheProblem() {
        StatisticsUnavailableException unavailable = new StatisticsUnavailableException(Reason.ENGINE_NOT_STARTED,
                "no engine jar");

        assertThat(unavailable.getStatusCode().value()).isEqualTo(409);
        assertThat(unavailable.getBody().getProperties()).containsEntry("reason", "engine-not-started");
        assertThat(unavailable.reason()).isEqualTo(Reason.ENGINE_NOT_STARTED);
    }
}
