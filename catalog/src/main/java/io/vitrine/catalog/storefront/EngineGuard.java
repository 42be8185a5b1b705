package io.vitrine.catalog.storefront;

import io.micronaut.context.annotation.Value;
import io.vitrine.catalog.search.SearchUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls the search engine for the storefront, or says it cannot: an engine failure
 * ({@link SearchUnavailableException}) or an answer slower than {@code vitrine.storefront.search.timeout}
 * gives an empty result, and the caller answers from the database instead.
 *
 * <p>The engine is called on the caller's own thread: handing each search to another thread and waiting for
 * it cost two thread wake-ups on the path of every search (measured by benchmarks' search suite). The timeout
 * is a deadline instead: past it, a timer thread interrupts the caller, which is what the engine's client
 * waits on (the Elasticsearch client waits on a future; a call that ignores interrupts still counts as too
 * slow when it returns). The interrupt is the guard's own: it is cleared before the caller goes on.
 *
 * <p>A small circuit breaker keeps a dead engine from costing every request a timeout: after
 * {@code failure-threshold} failures in a row it opens, and requests skip the engine for {@code open-for};
 * then one request tries it again (half open) and closes the breaker on success. The warning that the
 * storefront is degraded is logged at most once per {@code warning-interval}.
 */
@Singleton
public class EngineGuard {

    private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);

    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Duration timeout;
    private final int failureThreshold;
    private final Duration openFor;
    private final Duration warningInterval;

    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean trialRunning;
    private Instant lastWarning = Instant.MIN;

    @Inject
    EngineGuard(Clock clock,
                @Value("${vitrine.storefront.search.timeout:2s}") Duration timeout,
                @Value("${vitrine.storefront.search.failure-threshold:3}") int failureThreshold,
                @Value("${vitrine.storefront.search.open-for:10s}") Duration openFor,
                @Value("${vitrine.storefront.search.warning-interval:1m}") Duration warningInterval) {
        this(deadlineTimer(), clock, timeout, failureThreshold, openFor, warningInterval);
    }

    /** @param timer runs the deadlines: only ever interrupts a caller, so one thread serves every search */
    EngineGuard(ScheduledExecutorService timer, Clock clock, Duration timeout, int failureThreshold, Duration openFor,
                Duration warningInterval) {
        if (failureThreshold < 1 || timeout.isNegative() || timeout.isZero() || openFor.isNegative()) {
            throw new IllegalArgumentException("vitrine.storefront.search: timeout > 0, failure-threshold >= 1, open-for >= 0");
        }
        this.timer = timer;
        this.clock = clock;
        this.timeout = timeout;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.warningInterval = warningInterval;
    }

    private static ScheduledExecutorService deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "storefront-search-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a search that answered in time leaves nothing queued
        return timer;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** The engine's answer, or empty when it failed, was too slow or the breaker is open. */
    public <T> Optional<T> call(String what, Supplier<T> engineCall) {
        if (!mayCall()) {
            return Optional.empty();
        }
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> expiry = timer.schedule(deadline::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        T result;
        try {
            result = engineCall.get();
        } catch (RuntimeException | Error e) {
            expiry.cancel(false);
            if (deadline.finish()) {
                failed(what, "no answer within " + timeout.toMillis() + " ms");
            } else if (e instanceof SearchUnavailableException unavailable) {
                failed(what, unavailable.getMessage());
            } else {
                endTrial();
                throw e; // a bad query, a bug: not the engine's health
            }
            return Optional.empty();
        }
        expiry.cancel(false);
        if (deadline.finish()) {
            failed(what, "no answer within " + timeout.toMillis() + " ms");
            return Optional.empty();
        }
        succeeded();
        return Optional.of(result);
    }

    /**
     * One call's deadline. {@link #expire} (timer thread) and {@link #finish} (caller) exclude each other, so an
     * interrupt is sent only while the call runs, and one that was sent is cleared by {@link #finish}.
     */
    private static final class Deadline {

        private final Thread caller;
        private boolean finished;
        private boolean expired;

        Deadline(Thread caller) {
            this.caller = caller;
        }

        synchronized void expire() {
            if (!finished) {
                expired = true;
                caller.interrupt();
            }
        }

        /** True when the deadline passed first: the call was too slow, and its interrupt is cleared. */
        synchronized boolean finish() {
            finished = true;
            if (expired) {
                Thread.interrupted();
            }
            return expired;
        }
    }

    /** True while the breaker keeps requests away from the engine. */
    public synchronized boolean isOpen() {
        return failuresInARow >= failureThreshold && clock.instant().isBefore(openUntil);
    }

    private synchronized boolean mayCall() {
        if (failuresInARow < failureThreshold) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || trialRunning) {
            return false;
        }
        trialRunning = true; // half open: this one request tries the engine, the others keep using the database
        return true;
    }

    private synchronized void endTrial() {
        trialRunning = false;
    }

    private synchronized void succeeded() {
        if (failuresInARow >= failureThreshold) {
            LOG.info("storefront search: the search engine answers again; searches use it");
        }
        failuresInARow = 0;
        trialRunning = false;
    }

    private void failed(String what, String why) {
        boolean warn;
        synchronized (this) {
            failuresInARow++;
            trialRunning = false;
            Instant now = clock.instant();
            if (failuresInARow >= failureThreshold) {
                openUntil = now.plus(openFor);
            }
            warn = !now.isBefore(lastWarning.plus(warningInterval));
            if (warn) {
                lastWarning = now;
            }
        }
        if (warn) {
            LOG.warn("storefront search degraded: {} answered from the database because the search engine failed "
                    + "({}); next warning in {} at the earliest", what, why, warningInterval);
        }
    }
}
