package io.easel.components.builtin.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.Scenarios;
import io.easel.components.testing.TestRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomSplitTest {

    @Test
    void shouldSplitEveryRowIntoExactlyOneOfTheTwoOutputsByTheFraction() {
        TestRun run = Scenarios.credit();
        TableData train = run.table("split", "train");
        TableData test = run.table("split", "test");

        long trainRows = train.rows().count();
        long testRows = test.rows().count();
        assertThat(trainRows + testRows).isEqualTo(1000);
        assertThat(trainRows).isBetween(800L, 900L);
        assertThat(train.rows().intersect(test.rows()).count()).isZero();
    }

    @Test
    void shouldReportTheSizesThatCameOut() {
        Map<String, Object> split = TestRun.execute("random-split", Map.of("fraction", 0.7, "seed", 11),
                Map.of("in", TestRun.dataset("credit_g")));
        ReportData sizes = (ReportData) split.get("sizes");

        assertThat(sizes.metrics()).containsEntry("trainRows", ((TableData) split.get("train")).rows().count())
                .containsEntry("testRows", ((TableData) split.get("test")).rows().count());
        assertThat((Double) sizes.metrics().get("trainShare")).isBetween(0.65, 0.75);
    }

    @Test
    void shouldSplitTheSameWayForTheSameSeedAndDifferentlyForAnother() {
        TableData cast = Scenarios.credit().table("cast", "out");

        long again = split(cast, 0.85, 42).get("test").rows().except(Scenarios.credit().table("split", "test").rows())
                .count();
        long other = split(cast, 0.85, 7).get("test").rows().except(Scenarios.credit().table("split", "test").rows())
                .count();

        assertThat(again).isZero();
        assertThat(other).isPositive();
    }

    @Test
    void shouldKeepTheLineageOfItsInputOnBothOutputs() {
        TestRun run = Scenarios.credit();

        assertThat(run.table("split", "train").lineage()).isEqualTo(run.table("cast", "out").lineage());
        assertThat(run.table("split", "test").lineage()).isEqualTo(run.table("cast", "out").lineage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, TableData> split(TableData in, double fraction, int seed) {
        return (Map<String, TableData>) (Map<String, ?>) TestRun.execute("random-split",
                Map.of("fraction", fraction, "seed", seed), Map.of("in", in));
    }
}
