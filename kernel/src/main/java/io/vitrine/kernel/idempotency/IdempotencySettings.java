package io.vitrine.kernel.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code vitrine.idempotency.*}. The periodic purge itself is {@code purge-enabled} (default true) and
 * {@code purge-interval} (default 15m).
 *
 * @param retention      how long a key is remembered (and answers the same result)
 * @param inFlightLease  how long a running request holds its key; a retry after it takes the key over,
 *                       because the attempt that held it must have died (keep it above the slowest
 *                       creating request, uploads included)
 * @param purgeBatchSize rows deleted per statement while purging
 */
@ConfigurationProperties("vitrine.idempotency")
public record IdempotencySettings(
        @Bindable(defaultValue = "24h") Duration retention,
        @Bindable(defaultValue = "2m") Duration inFlightLease,
        @Bindable(defaultValue = "1000") int purgeBatchSize) {

    public IdempotencySettings {
        if (inFlightLease.isNegative() || inFlightLease.isZero() || retention.compareTo(inFlightLease) <= 0) {
            throw new IllegalArgumentException(
                    "vitrine.idempotency.in-flight-lease must be positive and shorter than vitrine.idempotency.retention");
        }
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("vitrine.idempotency.purge-batch-size must be at least 1");
        }
    }
}
