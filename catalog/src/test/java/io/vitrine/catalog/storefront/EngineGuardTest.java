package io.vitrine.catalog.storefront;

import io.vitrine.catalog.search.SearchUnavailableException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storefront's breaker on its own, with a clock moved by hand: 3 failures open it for 10 s, then one call
 * tries the engine. (The api module's degraded-search suites break real engines.)
 */
class EngineGuardTest {

    private final MutableClock clock = new MutableClock();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final EngineGuard guard = new EngineGuard(executor, clock, Duration.ofMillis(200), 3, Duration.ofSeconds(10),
            Duration.ofMinutes(1));
    private final AtomicInteger engineCalls = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void three_failures_in_a_row_open_the_breaker_and_the_engine_is_left_alone_until_it_is_tried_again() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.call("search", this::down)).isEmpty();
        }
        assertThat(guard.isOpen()).isTrue();
        assertThat(guard.call("search", this::up)).isEmpty();
        assertThat(engineCalls).as("not asked while open").hasValue(3);

        clock.advance(Duration.ofSeconds(10));
        assertThat(guard.call("search", this::down)).as("the one trial fails").isEmpty();
        assertThat(guard.isOpen()).as("open again for another 10 s").isTrue();
        assertThat(guard.call("search", this::up)).isEmpty();
        assertThat(engineCalls).hasValue(4);

        clock.advance(Duration.ofSeconds(10));
        assertThat(guard.call("search", this::up)).contains("answer");
        assertThat(guard.isOpen()).isFalse();
        assertThat(guard.call("search", this::up)).contains("answer");
        assertThat(engineCalls).hasValue(6);
    }

    @Test
    void a_success_between_failures_starts_the_count_again() {
        guard.call("search", this::down);
        guard.call("search", this::down);
        guard.call("search", this::up);
        guard.call("search", this::down);
        guard.call("search", this::down);

        assertThat(guard.isOpen()).isFalse();
        assertThat(guard.call("search", this::up)).contains("answer");
    }

    @Test
    void an_engine_that_does_not_answer_in_time_counts_as_failed() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            assertThat(guard.call("search", () -> {
                try {
                    never.await(); // until the guard's deadline interrupts
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "too late";
            })).isEmpty();
        }
        assertThat(guard.isOpen()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).as("the deadline's interrupt is not left to the caller").isFalse();
    }

    @Test
    void an_answer_that_comes_after_the_deadline_counts_as_failed_even_when_the_interrupt_was_swallowed() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.call("search", () -> {
                while (!Thread.interrupted()) { // an engine call that swallows the deadline's interrupt and answers
                    LockSupport.parkNanos(1_000_000);
                }
                return "late";
            })).isEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
        assertThat(guard.isOpen()).isTrue();
    }

    @Test
    void an_answer_in_time_runs_on_the_callers_thread() {
        Thread caller = Thread.currentThread();
        assertThat(guard.call("search", () -> Thread.currentThread() == caller)).contains(true);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void a_refused_query_is_the_callers_problem_not_the_engines() {
        assertThatThrownBy(() -> guard.call("search", () -> {
            throw InvalidInputException.of("cursor", "is not a cursor of this search and sort");
        })).isInstanceOf(InvalidInputException.class);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> guard.call("search", () -> {
                throw new IllegalStateException("a bug");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(guard.isOpen()).isFalse();
    }

    private String down() {
        engineCalls.incrementAndGet();
        throw new SearchUnavailableException("engine down", new IOException("connection refused"));
    }

    private String up() {
        engineCalls.incrementAndGet();
        return "answer";
    }
}
