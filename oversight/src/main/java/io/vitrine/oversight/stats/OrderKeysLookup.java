package io.vitrine.oversight.stats;

import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.Orders;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;

/**
 * An order's statistics keys: remembered from the first event about it, else read once through orders' Java API
 * (in the event's tenant) — its store, its trade mode and the origin of its most valuable line — and remembered.
 */
@Singleton
class OrderKeysLookup {

    private final StatsOrders known;
    private final Orders orders;
    private final CurrentTenant currentTenant;

    OrderKeysLookup(StatsOrders known, Orders orders, CurrentTenant currentTenant) {
        this.known = known;
        this.orders = orders;
        this.currentTenant = currentTenant;
    }

    OrderKeys keysOf(String orderNo) {
        return known.keysOf(orderNo).orElseGet(() -> {
            Order order = orders.find(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
            OrderKeys keys = new OrderKeys(currentTenant.require(), order.storeCode(), order.tradeMode().code(),
                    mainOrigin(orders.lines(order.id())));
            return known.remember(orderNo, keys);
        });
    }

    /** What the order's payment brought in (fen; 0 if it was never paid): what a full refund gives back. */
    long paidFen(String orderNo) {
        Order order = orders.find(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        return order.paidAmount() == null ? 0 : order.paidAmount().fen();
    }

    /** The origin of the line worth most (the first of equals); "" for an order without lines. */
    static String mainOrigin(List<OrderLine> lines) {
        return lines.stream()
                .max(Comparator.comparingLong((OrderLine line) -> line.value().fen())
                        .thenComparing(line -> -line.lineNo()))
                .map(OrderLine::originCountry).orElse("");
    }
}
