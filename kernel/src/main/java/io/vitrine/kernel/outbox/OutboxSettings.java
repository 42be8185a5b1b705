package io.vitrine.kernel.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code vitrine.outbox.*}. Polling itself is {@code vitrine.outbox.poll-interval} (default 1s)
 * and {@code vitrine.outbox.polling-enabled} (default true).
 *
 * @param batchSize      deliveries claimed per round trip
 * @param maxAttempts    attempts before a delivery goes DEAD
 * @param initialBackoff wait after the first failure; doubles after each further one
 * @param maxBackoff     cap on that wait
 * @param lease          how long a claimed delivery stays invisible to other dispatchers; a claim
 *                       whose dispatcher died is picked up again after it (keep it well above
 *                       the slowest listener)
 */
@ConfigurationProperties("vitrine.outbox")
public record OutboxSettings(
        @Bindable(defaultValue = "50") int batchSize,
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration initialBackoff,
        @Bindable(defaultValue = "30m") Duration maxBackoff,
        @Bindable(defaultValue = "5m") Duration lease) {

    public OutboxSettings {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("vitrine.outbox.batch-size and max-attempts must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("vitrine.outbox backoff must be positive, max-backoff >= initial-backoff");
        }
    }

    /** The wait after the given number of failed attempts: initial, 2x, 4x ... capped. */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration backoff = initialBackoff.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
