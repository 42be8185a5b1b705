package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The shop's orders for its staff (api.md {@code GET /api/v1/orders}), newest first, in the current tenant. */
@Singleton
public class StaffOrders {

    private final Orders orders;

    StaffOrders(Orders orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Orders.OrderPage list(@Nullable OrderStatus status, @Nullable String storeCode, @Nullable Instant from,
                                 @Nullable Instant to, int page, int size) {
        return orders.list(new Orders.OrderFilter(status, storeCode, from, to), page, size);
    }
}
