package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-minute ring on its own, under a clock the test moves on. */
class ScoringMinutesTest {

    private static final Instant NINE = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void shouldEstimateTheP99WithinItsLatencyBucket() {
        ScoringMinutes minutes = new ScoringMinutes(Clock.fixed(NINE.plusSeconds(30), ZoneOffset.UTC));
        for (int i = 0; i < 980; i++) {
            minutes.succeeded(TimeUnit.MILLISECONDS.toNanos(1));
        }
        for (int i = 0; i < 20; i++) {
            minutes.succeeded(TimeUnit.MILLISECONDS.toNanos(20));
        }

        MinuteFigures figures = minutes.last(1).getFirst();

        assertThat(figures.requests()).isEqualTo(1000);
        assertThat(figures.errorPercent()).isZero();
        assertThat(figures.requestsPerSecond()).isCloseTo(1000 / 30.0, within(1e-9));
        // The 990th of 1,000 lies among the 20 ms ones: within their bucket, about 19 % wide
        assertThat(figures.p99Millis()).isCloseTo(20.0, withinPercentage(19));
    }

    @Test
    void shouldReplaceAMinuteWhenItsSlotComesRoundAnHourLater() {
        Instant[] now = {NINE.plusSeconds(10)};
        ScoringMinutes minutes = new ScoringMinutes(new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        });
        minutes.succeeded(1_000_000);
        minutes.failed();
        now[0] = now[0].plus(Duration.ofHours(1)); // the same slot of the ring
        minutes.failed();

        List<MinuteFigures> hour = minutes.last(ScoringMinutes.MINUTES);

        assertThat(hour).hasSize(60);
        MinuteFigures current = hour.getLast();
        assertThat(current.minute()).isEqualTo(NINE.plus(Duration.ofHours(1)));
        assertThat(current.requests()).isEqualTo(1);
        assertThat(current.errors()).isEqualTo(1);
        assertThat(current.errorPercent()).isEqualTo(100.0);
        assertThat(current.p99Millis()).isNull();
        assertThat(hour.subList(0, 59)).allSatisfy(minute -> assertThat(minute.requests()).isZero());
    }
}
