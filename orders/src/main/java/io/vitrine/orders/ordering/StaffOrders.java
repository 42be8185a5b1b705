package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.StoreScopes;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * The shop's orders for its staff (api.md {@code GET /api/v1/orders}, {@code GET …/{orderNo}},
 * {@code POST …/{orderNo}/cancel}), newest first, in the current tenant. A store manager sees only the orders of the
 * stores they are scoped to; any other order is not found.
 */
@Singleton
public class StaffOrders {

    private final Orders orders;
    private final StoreScopes scopes;
    private final OrderReading reading;
    private final OrderCancellations cancellations;

    StaffOrders(Orders orders, StoreScopes scopes, OrderReading reading, OrderCancellations cancellations) {
        this.orders = orders;
        this.scopes = scopes;
        this.reading = reading;
        this.cancellations = cancellations;
    }

    @Transactional(readOnly = true)
    public Orders.OrderPage list(Actor by, @Nullable OrderStatus status, @Nullable String storeCode,
                                 @Nullable Instant from, @Nullable Instant to, int page, int size) {
        List<String> visible = visibleStores(by);
        if (visible != null && (visible.isEmpty() || (storeCode != null && !visible.contains(storeCode)))) {
            return new Orders.OrderPage(List.of(), 0);
        }
        List<String> stores = storeCode != null ? List.of(storeCode) : visible;
        return orders.list(new Orders.OrderFilter(status, stores, from, to), page, size);
    }

    @Transactional(readOnly = true)
    public OrderDetails details(Actor by, String orderNo) {
        OrderDetails details = reading.details(orderNo);
        requireVisible(by, details.order());
        return details;
    }

    /** Cancels the order for the shop (refunded if paid); see {@link OrderCancellations#cancel}. */
    public Order cancel(Actor by, String orderNo, @Nullable String reason) {
        details(by, orderNo);
        return cancellations.cancel(orderNo, by.id(), reason == null || reason.isBlank() ? "cancelled by the shop"
                : reason.strip().substring(0, Math.min(reason.strip().length(), 200)));
    }

    private void requireVisible(Actor by, Order order) {
        List<String> visible = visibleStores(by);
        if (visible != null && !visible.contains(order.storeCode())) {
            throw new NotFoundException(OrderReading.NOT_FOUND);
        }
    }

    /** Null when the caller sees every store. */
    @Nullable
    private List<String> visibleStores(Actor by) {
        return by.role() != null && by.role().isStoreBound() ? scopes.storeCodesOf(by) : null;
    }
}
