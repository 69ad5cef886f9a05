package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.NodeState;
import io.easel.run.RunState;
import io.easel.server.run.NodeRunView;
import io.easel.server.run.RunView;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunProgressTextTest {

    private static final Instant START = Instant.parse("2026-12-01T07:00:00Z");
    private final ValidationMessages.Translator english = (key, args) -> MessageFormat.format(switch (key) {
        case "progress.node" -> "{0,number,integer} % · {1}";
        case "time.seconds" -> "{0,number,integer} s";
        case "time.minutes-seconds" -> "{0,number,integer} min {1,number,integer} s";
        default -> throw new AssertionError(key);
    }, args);

    @Test
    void shouldCountEndedNodesWholeAndARunningOneByItsShareOfTasks() {
        Map<String, NodeRunView> nodes = new LinkedHashMap<>();
        nodes.put("data", node("data", NodeState.SUCCEEDED, null));
        nodes.put("split", node("split", NodeState.SKIPPED, null));
        nodes.put("gbdt", node("gbdt", NodeState.RUNNING, new NodeRunView.Progress(30, 40, START)));
        nodes.put("predict", node("predict", NodeState.QUEUED, null));
        RunView run = new RunView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RunState.RUNNING, null,
                null, null, START, null, nodes, null);

        assertThat(RunProgressText.overall(run)).isEqualTo((1 + 1 + 0.75) / 4);
        assertThat(RunProgressText.ended(run)).isEqualTo(2);
    }

    @Test
    void shouldSayARunningNodesShareOfTasksAndHowLongItHasRun() {
        NodeRunView counted = node("gbdt", NodeState.RUNNING, new NodeRunView.Progress(3, 8, START));
        NodeRunView starting = node("gbdt", NodeState.RUNNING, null);

        assertThat(RunProgressText.running(counted, START.plusSeconds(65), english)).isEqualTo("38 % · 1 min 5 s");
        assertThat(RunProgressText.running(starting, START.plusSeconds(4), english)).isEqualTo("4 s");
        assertThat(RunProgressText.running(node("data", NodeState.SUCCEEDED, null), START, english)).isNull();
    }

    @Test
    void shouldPutSparksCauseInPlainWordsInTheUsersLanguage() {
        String spark = "Param 'query': 'SELECT agee FROM t1' is not valid Spark SQL here: "
                + "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `agee` "
                + "cannot be resolved. Did you mean one of the following? [`t1`.`age`, `t1`.`job`]. SQLSTATE: 42703";

        assertThat(RunProgressText.plainCause(spark, Locale.ENGLISH))
                .isEqualTo("Column 'agee' does not exist. Did you mean 'age'?");
        assertThat(RunProgressText.plainCause(spark, Locale.SIMPLIFIED_CHINESE)).isEqualTo("列 'agee' 不存在。是否想用 'age'？");
        assertThat(RunProgressText.plainCause("Param 'fraction' must be below 1", Locale.ENGLISH))
                .isEqualTo("Param 'fraction' must be below 1");
    }

    private static NodeRunView node(String id, NodeState state, NodeRunView.Progress progress) {
        return new NodeRunView(id, state, null, START, state.isFinal() ? START.plusSeconds(3) : null, null, null,
                progress);
    }
}
