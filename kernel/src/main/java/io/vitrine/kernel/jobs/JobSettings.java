package io.vitrine.kernel.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code vitrine.jobs.*}. Polling itself is {@code vitrine.jobs.polling-enabled} (default true) and
 * {@code vitrine.jobs.poll-interval} (default 1s).
 *
 * @param concurrency       jobs one instance runs at once (its worker threads)
 * @param lease             how long a claim stays valid without renewal; renewed every third of it
 *                          while the handler runs. A job whose instance died is claimed again after it
 * @param maxAttempts       claims before a job that keeps failing (or killing its runner) is FAILED
 * @param retryDelay        wait before a failed attempt is tried again
 * @param progressBatchSize progress calls (items advanced, errors recorded) that trigger a write
 * @param progressInterval  pending progress is written at the next call after this long
 * @param maxErrorsKept     errors kept per job; later ones are only counted
 */
@ConfigurationProperties("vitrine.jobs")
public record JobSettings(
        @Bindable(defaultValue = "2") int concurrency,
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "30s") Duration retryDelay,
        @Bindable(defaultValue = "500") int progressBatchSize,
        @Bindable(defaultValue = "1s") Duration progressInterval,
        @Bindable(defaultValue = "1000") int maxErrorsKept) {

    public JobSettings {
        if (concurrency < 1 || maxAttempts < 1 || progressBatchSize < 1 || maxErrorsKept < 0) {
            throw new IllegalArgumentException("vitrine.jobs: concurrency, max-attempts and progress-batch-size must be "
                    + "at least 1, max-errors-kept at least 0");
        }
        if (lease.compareTo(Duration.ofSeconds(3)) < 0 || retryDelay.isNegative() || progressInterval.isNegative()) {
            throw new IllegalArgumentException("vitrine.jobs: lease must be at least 3s; retry-delay and "
                    + "progress-interval not negative");
        }
    }
}
