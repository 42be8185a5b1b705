package io.vitrine.catalog.storefront;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.vitrine.catalog.search.SearchUnavailableException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls the search engine for the storefront, or says it cannot: an engine failure
 * ({@link SearchUnavailableException}) or an answer slower than {@code vitrine.storefront.search.timeout}
 * gives an empty result, and the caller answers from the database instead.
 *
 * <p>A small circuit breaker keeps a dead engine from costing every request a timeout: after
 * {@code failure-threshold} failures in a row it opens, and requests skip the engine for {@code open-for};
 * then one request tries it again (half open) and closes the breaker on success. The warning that the
 * storefront is degraded is logged at most once per {@code warning-interval}.
 */
@Singleton
public class EngineGuard {

    private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);

    private final ExecutorService executor;
    private final Clock clock;
    private final Duration timeout;
    private final int failureThreshold;
    private final Duration openFor;
    private final Duration warningInterval;

    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean trialRunning;
    private Instant lastWarning = Instant.MIN;

    EngineGuard(@Named(TaskExecutors.BLOCKING) ExecutorService executor, Clock clock,
                @Value("${vitrine.storefront.search.timeout:2s}") Duration timeout,
                @Value("${vitrine.storefront.search.failure-threshold:3}") int failureThreshold,
                @Value("${vitrine.storefront.search.open-for:10s}") Duration openFor,
                @Value("${vitrine.storefront.search.warning-interval:1m}") Duration warningInterval) {
        if (failureThreshold < 1 || timeout.isNegative() || timeout.isZero() || openFor.isNegative()) {
            throw new IllegalArgumentException("vitrine.storefront.search: timeout > 0, failure-threshold >= 1, open-for >= 0");
        }
        this.executor = executor;
        this.clock = clock;
        this.timeout = timeout;
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.warningInterval = warningInterval;
    }

    /** The engine's answer, or empty when it failed, was too slow or the breaker is open. */
    public <T> Optional<T> call(String what, Supplier<T> engineCall) {
        if (!mayCall()) {
            return Optional.empty();
        }
        Future<T> answer = executor.submit(engineCall::get);
        try {
            T result = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            succeeded();
            return Optional.of(result);
        } catch (TimeoutException e) {
            answer.cancel(true);
            failed(what, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof SearchUnavailableException unavailable)) {
                throwUnchecked(e.getCause()); // a bad query, a bug: not the engine's health
                return Optional.empty();
            }
            failed(what, unavailable.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            failed(what, "interrupted");
        }
        return Optional.empty();
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

    private static void throwUnchecked(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(t);
    }
}
