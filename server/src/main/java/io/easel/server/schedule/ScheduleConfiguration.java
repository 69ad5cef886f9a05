package io.easel.server.schedule;

import io.easel.server.run.RunService;
import io.easel.server.settings.StudioOnly;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock schedules read (tests replace it with fixed ones) and the ticker that Spring's scheduler ticks. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@StudioOnly
class ScheduleConfiguration {

    /** What time it is, for schedules; a bean so that tests can fire schedules at times of their choosing. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** @param tick how often the schedules are looked at ({@code easel.schedule.tick}, default 10 s) */
    @Bean
    ScheduleTicker scheduleTicker(ScheduleRepository schedules, PendingPromotionRepository promotions,
            ScheduledCanaryRepository canaries, RunService runs, SchedulePromotion promotion, Clock clock,
            @Value("${easel.schedule.tick:10s}") Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("easel.schedule.tick must be a positive duration such as 10s, not "
                    + tick);
        }
        return new ScheduleTicker(schedules, promotions, canaries, runs, promotion, clock, tick);
    }
}
