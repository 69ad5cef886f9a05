package io.easel.studio.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.Command;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

class BackgroundWorkTest {

    private static final Authentication ANALYST = UsernamePasswordAuthenticationToken.authenticated("analyst", null,
            AuthorityUtils.NO_AUTHORITIES);

    private final SecurityContextHolderStrategy before = SecurityContextHolder.getContextHolderStrategy();
    private final BackgroundWork work = new BackgroundWork();
    /** What the UI would run in its session lock, in order. */
    private final BlockingQueue<Command> delivered = new LinkedBlockingQueue<>();

    @AfterEach
    void restore() {
        work.stop();
        SecurityContextHolder.getContext().setAuthentication(null);
        SecurityContextHolder.setContextHolderStrategy(before);
    }

    @Test
    void shouldRunOffTheCallingThreadAsTheCallerEvenUnderAStrategyInstalledAfterStartUp() throws Exception {
        // Vaadin installs its own strategy once the studio has started, after beans like this one were built.
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy());
        SecurityContextHolder.getContext().setAuthentication(ANALYST);
        AtomicReference<String> result = new AtomicReference<>();

        work.start(delivered::add, () -> Thread.currentThread().getName() + " as "
                + SecurityContextHolder.getContext().getAuthentication().getName(), result::set, failed -> { });

        next().execute();
        assertThat(result.get()).startsWith("studio-work-").endsWith(" as analyst");
    }

    @Test
    void shouldHandTheFailureToTheCallerInsteadOfTheResult() throws Exception {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();

        work.start(delivered::add, () -> {
            throw new IllegalStateException("engine refused");
        }, result -> {
            throw new AssertionError("no result expected: " + result);
        }, failure::set);

        next().execute();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessage("engine refused");
    }

    @Test
    void shouldRefuseAtOnceWhenThePoolAndItsQueueAreFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Consumer<RuntimeException> unexpected = e -> {
            throw new AssertionError("refused too early", e);
        };
        for (int i = 0; i < BackgroundWork.THREADS + BackgroundWork.QUEUED; i++) {
            work.start(delivered::add, () -> await(release), result -> { }, unexpected);
        }
        List<RuntimeException> refused = new ArrayList<>();

        work.start(delivered::add, () -> "one too many", result -> { }, refused::add);

        assertThat(refused).singleElement().isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        for (int i = 0; i < BackgroundWork.THREADS + BackgroundWork.QUEUED; i++) {
            next().execute();
        }
    }

    private Command next() throws InterruptedException {
        Command command = delivered.poll(10, TimeUnit.SECONDS);
        assertThat(command).as("the outcome, handed to the UI").isNotNull();
        return command;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
