package io.easel.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallbackSenderTest {

    private static final CallbackSender.Settings FAST = new CallbackSender.Settings(3, 3, Duration.ofMillis(20),
            Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void shouldPostEveryEventInOrderWithTheBearerToken() throws Exception {
        try (CallbackServer server = new CallbackServer()) {
            List<RunEvent> sent = events(10);
            try (CallbackSender sender = sender(server.url(), FAST)) {
                sent.forEach(sender::accept);
            }
            assertThat(server.events()).containsExactlyElementsOf(sent);
            assertThat(server.received()).allSatisfy(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer s3cret");
                assertThat(r.contentType()).isEqualTo("application/json");
                assertThat(r.batch().runId()).isEqualTo("run-1");
                assertThat(r.batch().events()).hasSizeBetween(1, 3);
            });
            List<Long> sequences = server.received().stream().map(r -> r.batch().sequence()).toList();
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldRetryWhenTheServerIsUnavailableForAWhile() throws Exception {
        try (CallbackServer server = new CallbackServer().answering(503, 502)) {
            List<RunEvent> sent = events(2);
            try (CallbackSender sender = sender(server.url(), FAST)) {
                sent.forEach(sender::accept);
            }
            assertThat(server.events()).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void shouldDropABatchTheServerRefusesAndGoOnWithTheNext() throws Exception {
        try (CallbackServer server = new CallbackServer().answering(401)) {
            try (CallbackSender sender = sender(server.url(), FAST)) {
                sender.accept(events(1).getFirst());
                assertThat(awaitUndelivered(sender, 1)).isTrue();
                sender.accept(new RunEvent.RunFinished(RunState.SUCCEEDED, "done", 99));
            }
            assertThat(server.events()).containsExactly(new RunEvent.RunFinished(RunState.SUCCEEDED, "done", 99));
        }
    }

    @Test
    void shouldGiveUpWithinBoundsWhenNothingListens() throws Exception {
        URI nobody;
        try (CallbackServer server = new CallbackServer()) {
            nobody = server.url();
        }
        var settings = new CallbackSender.Settings(50, 3, Duration.ofMillis(10), Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        long start = System.nanoTime();
        CallbackSender sender = sender(nobody, settings);
        events(5).forEach(sender::accept);
        sender.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(sender.undelivered()).isEqualTo(5);
    }

    @Test
    void shouldStopWaitingAtTheCloseTimeoutWhileTheServerKeepsFailing() throws Exception {
        try (CallbackServer server = new CallbackServer().answering(503, 503, 503, 503, 503, 503, 503)) {
            var settings = new CallbackSender.Settings(50, 10, Duration.ofMillis(500), Duration.ofSeconds(1),
                    Duration.ofMillis(700));
            CallbackSender sender = sender(server.url(), settings);
            sender.accept(events(1).getFirst());
            long start = System.nanoTime();
            sender.close();
            // Retrying to the end would take about 47 s (10 attempts, backoff from 0.5 s up to 8 s).
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(server.events()).isEmpty();
            assertThat(sender.outstanding()).isEqualTo(1);
        }
    }

    @Test
    void shouldTellOnceWhenTheServerHasEndedTheRunWhileTheDriverStillWorks() throws Exception {
        try (CallbackServer server = new CallbackServer().acknowledgingRunAs("running")) {
            List<RunState> told = new CopyOnWriteArrayList<>();
            try (CallbackSender sender = new CallbackSender(server.url(), "s3cret", "run-1", EngineJson.mapper(),
                    FAST, told::add)) {
                sender.accept(events(1).getFirst());
                assertThat(server.awaitEvent(e -> true, Duration.ofSeconds(5))).isTrue();
                server.acknowledgingRunAs("cancelled");
                sender.accept(new RunEvent.NodeStatusChanged("n1", NodeState.RUNNING, null, 2000));
                sender.accept(new RunEvent.NodeStatusChanged("n2", NodeState.RUNNING, null, 3000));
            }
            assertThat(told).containsExactly(RunState.CANCELLED);
        }
    }

    @Test
    void shouldNotMistakeTheRunsOwnEndForTheServerEndingIt() throws Exception {
        try (CallbackServer server = new CallbackServer().acknowledgingRunAs("succeeded")) {
            List<RunState> told = new CopyOnWriteArrayList<>();
            try (CallbackSender sender = new CallbackSender(server.url(), "s3cret", "run-1", EngineJson.mapper(),
                    FAST, told::add)) {
                sender.accept(new RunEvent.RunFinished(RunState.SUCCEEDED, "done", 99));
            }
            assertThat(server.events()).hasSize(1);
            assertThat(told).isEmpty();
        }
    }

    private static boolean awaitUndelivered(CallbackSender sender, int count) throws InterruptedException {
        for (int i = 0; i < 200 && sender.undelivered() < count; i++) {
            Thread.sleep(10);
        }
        return sender.undelivered() == count;
    }

    private static CallbackSender sender(URI url, CallbackSender.Settings settings) {
        return new CallbackSender(url, "s3cret", "run-1", EngineJson.mapper(), settings);
    }

    private static List<RunEvent> events(int count) {
        List<RunEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new RunEvent.NodeStatusChanged("n" + i, NodeState.QUEUED, null, 1000 + i));
        }
        return events;
    }
}
