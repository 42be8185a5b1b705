package io.vitrine.pos.storestock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A SKU's level on a store's shelves: {@code onHand} = {@code countedQty} (0 before any count) plus the returns minus
 * the sales that occurred after {@code countedAt}. It may go negative when sales outrun the last count: the next
 * count shows the difference.
 */
@Serdeable
public record StoreStockLevel(String sku, long onHand, @Nullable Long countedQty, @Nullable Instant countedAt) {
}
