package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

    private static final int DRAWS = 100_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 30, 50, 99})
    void shouldSendThePercentOfRequestsToTheCanaryWithinFiveStandardDeviations(int percent) {
        TrafficSplit split = new TrafficSplit(percent);
        RandomGenerator random = new SplittableRandom(percent);

        long toCanary = IntStream.range(0, DRAWS).filter(i -> split.toCanary(random)).count();

        double p = percent / 100.0;
        assertThat((double) toCanary).isCloseTo(DRAWS * p, within(5 * Math.sqrt(DRAWS * p * (1 - p))));
    }

    @Test
    void shouldSplitOnTheRequestThreadsOwnRandomToo() {
        TrafficSplit split = new TrafficSplit(30);

        long toCanary = IntStream.range(0, DRAWS).filter(i -> split.toCanary()).count();

        assertThat((double) toCanary).isCloseTo(DRAWS * 0.3, within(5 * Math.sqrt(DRAWS * 0.3 * 0.7)));
    }

    @Test
    void shouldSendNothingToTheCanaryWithoutOneAndEverythingAtAHundredPercent() {
        RandomGenerator random = new SplittableRandom(7);

        assertThat(IntStream.range(0, DRAWS).filter(i -> TrafficSplit.NONE.toCanary()).count()).isZero();
        assertThat(IntStream.range(0, DRAWS).filter(i -> TrafficSplit.NONE.toCanary(random)).count()).isZero();
        assertThat(IntStream.range(0, DRAWS).allMatch(i -> new TrafficSplit(100).toCanary(random))).isTrue();
    }

    @Test
    void shouldRefuseAShareOutsideZeroToAHundred() {
        assertThatThrownBy(() -> new TrafficSplit(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new TrafficSplit(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
