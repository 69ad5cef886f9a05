package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    @Test
    void shouldJoinTheCauseChainWithoutRepeatingWrappedMessages() {
        var cause = new FileNotFoundException("/data/missing.csv (No such file or directory)");
        var wrapped = new UncheckedIOException(cause.toString(), cause);
        var outer = new IllegalStateException("Cannot read param 'path'", wrapped);

        assertThat(FailureMessage.of(outer)).isEqualTo("Cannot read param 'path'; caused by: "
                + "FileNotFoundException: /data/missing.csv (No such file or directory)");
    }

    @Test
    void shouldSkipWrappersWithoutMessage() {
        var failure = new ExecutionException(null, new IllegalArgumentException("param 'ratio' must be in (0, 1)"));

        assertThat(FailureMessage.of(failure)).isEqualTo("param 'ratio' must be in (0, 1)");
    }

    @Test
    void shouldLeaveStackTracesInSparkMessagesOut() {
        String spark = """
                Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, most recent failure: \
                Lost task 0.0 in stage 3.0 (TID 3): java.lang.NumberFormatException: For input string: "abc"
                \tat java.base/java.lang.Integer.parseInt(Integer.java:661)
                \tat org.apache.spark.sql.Foo.bar(Foo.scala:10)
                \t... 12 more

                Driver stacktrace:
                \tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2898)""";

        String message = FailureMessage.of(new RuntimeException(spark));

        assertThat(message).startsWith("Job aborted due to stage failure")
                .contains("For input string: \"abc\"")
                .doesNotContain("\tat ", "Integer.java", "Driver stacktrace", "\n");
    }

    @Test
    void shouldNameTheTypeOfClassLoadingFailures() {
        var failure = new NoClassDefFoundError("io/easel/Missing");
        failure.initCause(new ClassNotFoundException("io.easel.Missing"));

        assertThat(FailureMessage.of(failure)).isEqualTo(
                "NoClassDefFoundError: io/easel/Missing; caused by: ClassNotFoundException: io.easel.Missing");
    }

    @Test
    void shouldNameTheTypeWhenThereIsNoMessage() {
        assertThat(FailureMessage.of(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
