package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.returns.RequestReturn;

import java.util.List;

/** A return request's body, {@code {items[{sku, qty}], reason}}: the shopper's endpoint and the counter's. */
@Serdeable
public record ReturnBody(@Nullable List<Item> items, @Nullable String reason) {

    @Serdeable
    public record Item(@Nullable String sku, @Nullable Integer qty) {
    }

    public RequestReturn toRequest() {
        return new RequestReturn(items == null ? null : items.stream()
                .map(item -> item == null ? null : new RequestReturn.Item(item.sku(), item.qty())).toList(), reason);
    }
}
