package io.easel.studio.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Slow service calls a click starts (starting a run spawns an engine, deploying loads and checks a model), done off
 * the UI thread so the session lock is free meanwhile: the page keeps answering and progress keeps arriving by push.
 * The work runs as the user who clicked; its result comes back in that UI's session lock. The pool is bounded: when
 * it is full, the click is refused at once (the caller says so) rather than queued for minutes.
 */
@Component
public class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
    static final int THREADS = 4;
    static final int QUEUED = 32;
    private static final Duration IDLE = Duration.ofMinutes(1);

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, IDLE.toSeconds(),
            TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED),
            Thread.ofPlatform().name("studio-work-", 0).daemon().factory());

    public BackgroundWork() {
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} on a worker thread, then {@code done} with its result, or {@code failed} with what it threw,
     * in {@code ui}'s session lock. When the pool is full, {@code failed} gets a {@link RejectedExecutionException}
     * at once, on the calling thread. A UI closed meanwhile gets nothing.
     */
    public <T> void start(UI ui, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        start(command -> deliver(ui, command), work, done, failed);
    }

    /** As {@link #start(UI, Supplier, Consumer, Consumer)}, with {@code deliver} handing over the outcome. */
    <T> void start(Consumer<Command> deliver, Supplier<T> work, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        try {
            pool.execute(new DelegatingSecurityContextRunnable(() -> {
                T result;
                try {
                    result = work.get();
                } catch (RuntimeException e) {
                    log.debug("Background work failed", e);
                    deliver.accept(() -> failed.accept(e));
                    return;
                }
                deliver.accept(() -> done.accept(result));
            }, callerContext()));
        } catch (RejectedExecutionException busy) {
            log.warn("Background work refused: {} tasks running and {} queued", pool.getActiveCount(),
                    pool.getQueue().size());
            failed.accept(busy);
        }
    }

    /**
     * The signed-in user of the calling thread, in a context of its own: the caller's context may be one that a
     * request resolves lazily, which on the worker thread, after the request, would be empty. Services check who asks.
     */
    private static SecurityContext callerContext() {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return context;
    }

    private static void deliver(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            // The user left the page; the work is done, there is nobody to tell.
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
