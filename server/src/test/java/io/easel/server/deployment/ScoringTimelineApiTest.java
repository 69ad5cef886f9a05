package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * A deployment's scoring minute by minute over real HTTP, the credit GBDT scored over two minutes of a clock the test
 * moves on (the server's clock bean), so that nothing sleeps.
 */
@ServerTest
@Import(ScoringTimelineApiTest.MovedClock.class)
@ExtendWith(AsAdministrator.class)
class ScoringTimelineApiTest {

    /** The server's clock, moved on by the tests. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovedClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    ApplicationContext server;

    @Autowired
    MovableClock clock;

    @Value("${local.server.port}")
    int port;

    /**
     * 7 requests (2 of them refused) in one minute, 4 (1 refused) in the next: each minute counts its own, its error
     * rate and its rate per second; the current minute's rate is over the 30 seconds it has lasted.
     */
    @Test
    void shouldCountTheRequestsAndErrorRateOfEachMinute() {
        String name = deploy();
        Api admin = Api.asAdmin(port);
        clock.set(Instant.parse("2026-12-03T09:00:10Z"));
        score(admin, name, 5, 2);
        clock.set(Instant.parse("2026-12-03T09:01:05Z"));
        score(admin, name, 3, 1);
        clock.set(Instant.parse("2026-12-03T09:01:30Z"));

        Api.Response response = admin.get("/api/deployments/" + name + "/figures?minutes=3");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("deployment").asString()).isEqualTo(name);
        JsonNode minutes = response.body().path("minutes");
        assertThat(minutes).hasSize(3);
        JsonNode before = minutes.get(0);
        assertThat(Instant.parse(before.path("minute").asString())).isEqualTo(Instant.parse("2026-12-03T08:59:00Z"));
        assertThat(before.path("requests").asLong()).isZero();
        assertThat(before.path("errorPercent").isNull()).isTrue();
        assertThat(before.path("p99Millis").isNull()).isTrue();
        JsonNode first = minutes.get(1);
        assertThat(Instant.parse(first.path("minute").asString())).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(first.path("requests").asLong()).isEqualTo(7);
        assertThat(first.path("errors").asLong()).isEqualTo(2);
        assertThat(first.path("errorPercent").asDouble()).isCloseTo(100.0 * 2 / 7, within(1e-9));
        assertThat(first.path("requestsPerSecond").asDouble()).isCloseTo(7 / 60.0, within(1e-9));
        assertThat(first.path("p99Millis").asDouble()).isPositive();
        JsonNode second = minutes.get(2);
        assertThat(Instant.parse(second.path("minute").asString())).isEqualTo(Instant.parse("2026-12-03T09:01:00Z"));
        assertThat(second.path("requests").asLong()).isEqualTo(4);
        assertThat(second.path("errors").asLong()).isEqualTo(1);
        assertThat(second.path("errorPercent").asDouble()).isCloseTo(25.0, within(1e-9));
        assertThat(second.path("requestsPerSecond").asDouble()).isCloseTo(4 / 30.0, within(1e-9));

        // By default the whole hour, the current minute last
        JsonNode hour = admin.get("/api/deployments/" + name + "/figures").body().path("minutes");
        assertThat(hour).hasSize(60);
        assertThat(hour.get(59).path("requests").asLong()).isEqualTo(4);
        assertThat(hour.get(58).path("requests").asLong()).isEqualTo(7);
        // An hour later the minutes scored have left the ring
        clock.set(Instant.parse("2026-12-03T10:01:30Z"));
        JsonNode later = admin.get("/api/deployments/" + name + "/figures").body().path("minutes");
        assertThat(later).allSatisfy(minute -> assertThat(minute.path("requests").asLong()).isZero());
    }

    @Test
    void shouldNameMinutesWhenOutOfRangeAndTheDeploymentWhenUnknown() {
        String name = deploy();
        Api admin = Api.asAdmin(port);

        for (String minutes : List.of("0", "61", "-5")) {
            Api.Response outOfRange = admin.get("/api/deployments/" + name + "/figures?minutes=" + minutes);
            assertThat(outOfRange.status()).as(outOfRange.text()).isEqualTo(400);
            assertThat(outOfRange.body().path("field").asString()).isEqualTo("minutes");
            assertThat(outOfRange.problemDetail()).isEqualTo("field 'minutes' must be between 1 and 60 (the figures "
                    + "of the last hour are kept), not " + minutes);
        }
        Api.Response notANumber = admin.get("/api/deployments/" + name + "/figures?minutes=many");
        assertThat(notANumber.status()).as(notANumber.text()).isEqualTo(400);
        assertThat(notANumber.problemDetail()).contains("minutes");
        Api.Response unknown = admin.get("/api/deployments/no-such-deployment/figures");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemDetail()).contains("no-such-deployment");
        assertThat(Api.anonymous(port).get("/api/deployments/" + name + "/figures").status()).isEqualTo(401);
    }

    private String deploy() {
        String name = "figures-" + UUID.randomUUID().toString().substring(0, 8);
        return ModelFixture.CREDIT_GBDT.deploy(server, name).substring("/api/score/".length());
    }

    /** Scores {@code good} records of credit_g one request each, and {@code refused} requests missing every field. */
    private static void score(Api api, String name, int good, int refused) {
        Map<String, Object> record = ModelFixture.CREDIT_GBDT.records().getFirst();
        for (int i = 0; i < good; i++) {
            Api.Response scored = api.post("/api/score/" + name, record);
            assertThat(scored.status()).as(scored.text()).isEqualTo(200);
        }
        for (int i = 0; i < refused; i++) {
            Api.Response scored = api.post("/api/score/" + name, Map.of());
            assertThat(scored.status()).as(scored.text()).isEqualTo(400);
        }
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
