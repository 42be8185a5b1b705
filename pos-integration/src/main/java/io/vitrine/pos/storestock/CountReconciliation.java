package io.vitrine.pos.storestock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One shelf count of one SKU against what was expected: the previous count, minus the units sold and plus the units
 * returned that occurred after it, up to and including the count's instant. The first count of a SKU has nothing to
 * compare with: {@code expected} and {@code difference} are null.
 *
 * @param difference counted - expected: negative is shrinkage (units gone without a sale)
 */
@Serdeable
public record CountReconciliation(String sku, Instant countedAt, String deviceKey, String eventId,
                                  @Nullable Instant previousCountAt, @Nullable Long previousCounted,
                                  long sold, long returned, @Nullable Long expected, long counted,
                                  @Nullable Long difference) {
}
