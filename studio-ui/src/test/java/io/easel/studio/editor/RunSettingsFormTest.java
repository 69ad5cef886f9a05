package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.easel.server.experiment.RunSettings;
import io.easel.studio.editor.RunSettingsForm.Field;
import io.easel.studio.editor.RunSettingsForm.Problem;
import io.easel.studio.editor.RunSettingsForm.Reason;
import io.easel.studio.editor.RunSettingsForm.SettingKey;
import io.easel.studio.editor.RunSettingsForm.SettingValue;
import io.easel.studio.editor.RunSettingsForm.SparkSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsFormTest {

    private static RunSettingsForm withRows(SparkSetting... rows) {
        return new RunSettingsForm(null, null, null, null, null, null, List.of(rows));
    }

    @Test
    void shouldTurnBlanksIntoServerDefaultsAndTrimWhatWasTyped() {
        RunSettingsForm form = new RunSettingsForm("cluster", " ", 2, " 3g ", null, 4, List.of(
                new SparkSetting(" spark.sql.shuffle.partitions ", " 8 "), new SparkSetting("", " ")));

        assertThat(form.problems()).isEmpty();
        assertThat(form.settings()).isEqualTo(new RunSettings("cluster", null, 2, "3g", null, 4,
                Map.of("spark.sql.shuffle.partitions", "8")));
    }

    @Test
    void shouldShowSavedSettingsAsTheSameFormAgain() {
        RunSettings saved = new RunSettings("client", "2g", null, "4g", 2, 3, Map.of("spark.a", "1", "spark.b", "2"));

        assertThat(RunSettingsForm.of(saved).settings()).isEqualTo(saved);
        assertThat(RunSettingsForm.of(null).settings()).isEqualTo(RunSettings.NONE);
    }

    @Test
    void shouldRefuseAMemoryWithoutUnitOnItsOwnFieldByTheServersRule() {
        RunSettingsForm form = new RunSettingsForm(null, "512", null, "3 gigs", null, 0, List.of());

        assertThat(form.problems()).extracting(Problem::input, Problem::reason).containsExactly(
                tuple(new Field("driverMemory"), Reason.SIZE),
                tuple(new Field("executorMemory"), Reason.SIZE),
                tuple(new Field("numExecutors"), Reason.AT_LEAST_ONE));
        assertThat(RunSettings.isSize("3g")).isTrue();
    }

    @Test
    void shouldPlaceEachSparkSettingProblemOnItsRowsKeyOrValue() {
        RunSettingsForm form = withRows(
                new SparkSetting("spark.sql.shuffle.partitions", "8"),
                new SparkSetting("", "lonely value"),
                new SparkSetting("sql.shuffle.partitions", "8"),
                new SparkSetting("spark.sql.shuffle.partitions", "16"),
                new SparkSetting("spark.executor.memory", "4g"),
                new SparkSetting("spark.eventLog.enabled", " "));

        assertThat(form.problems()).extracting(Problem::input, Problem::reason).containsExactlyInAnyOrder(
                tuple(new SettingKey(1), Reason.KEY_MISSING),
                tuple(new SettingKey(2), Reason.NOT_SPARK),
                tuple(new SettingKey(3), Reason.DUPLICATE_KEY),
                tuple(new SettingKey(4), Reason.RESERVED),
                tuple(new SettingValue(5), Reason.VALUE_MISSING));
    }

    @Test
    void shouldPlaceWhatTheServerRefusedOnTheInputItNames() {
        RunSettingsForm form = withRows(new SparkSetting("spark.a", "1"), new SparkSetting(" spark.b ", "2"));

        assertThat(form.serverProblem("runSettings.executorMemory", "'runSettings.executorMemory' must be a size"))
                .contains(new Problem(new Field("executorMemory"), Reason.REFUSED,
                        "'runSettings.executorMemory' must be a size"));
        assertThat(form.serverProblem("runSettings.conf.spark.b", "no")).map(Problem::input)
                .contains(new SettingKey(1));
        assertThat(form.serverProblem("runSettings.conf.spark.gone", "no")).isEmpty();
        assertThat(form.serverProblem("name", "must not be blank")).isEmpty();
    }
}
