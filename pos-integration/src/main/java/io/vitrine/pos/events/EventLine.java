package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;

/**
 * One SKU line of an event: units sold or returned ({@code quantity} &gt; 0, with {@code amountFen}), or units
 * counted on the shelf ({@code quantity} &ge; 0, no amount).
 */
public record EventLine(String sku, long quantity, @Nullable Long amountFen) {
}
