package io.vitrine.orders.logistics;

import io.vitrine.orders.ordering.Order;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code order_waybills} table (V28), in the current tenant; every call joins the caller's transaction.
 * Implemented in {@code infra}.
 */
public interface Waybills {

    Optional<Waybill> find(String orderNo);

    /**
     * Records the order's first waybill, or replaces the one it has.
     *
     * @throws io.vitrine.kernel.error.ConflictException when another order (of any tenant) holds the same
     *                                                   company's same number
     */
    void save(Order order, Waybill waybill);

    void shipped(String orderNo, Instant at);

    void delivered(String orderNo, Instant at);
}
