package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What a shopper or the counter asks back: order lines by SKU with quantities (partial returns allowed), and why. */
public record RequestReturn(@Nullable List<Item> items, @Nullable String reason) {

    public record Item(@Nullable String sku, @Nullable Integer qty) {
    }
}
