package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The orders tables (V23). Everything but {@link #unpaidDue} is in the current tenant; every call joins the
 * caller's transaction ({@link #unpaidDue} starts its own when there is none).
 * Implemented in {@code infra}.
 */
public interface Orders {

    /** The order, its lines (one batch) and its first history entry; a second order of the same cart is a 409. */
    void insert(Order order, String cartRef, String tokenHash, List<OrderLine> lines, HistoryEntry placed);

    Optional<Order> find(String orderNo);

    /** Locks the order's row until the transaction ends. */
    Optional<Order> lock(String orderNo);

    /**
     * Writes status, payment and refund fields where the version is still the one read; 409 otherwise. Answers the
     * order as written (its next version), without reading it back.
     */
    Order update(Order changed);

    void record(Order order, HistoryEntry entry);

    /**
     * Writes the consignee's sealed fields (a correction after customs refused the declaration) where the version is
     * still the one read; 409 otherwise. Answers the order as written.
     */
    Order updateConsignee(Order changed);

    Optional<String> tokenHash(String orderNo);

    void saveTokenHash(String orderId, String tokenHash);

    List<OrderLine> lines(String orderId);

    List<HistoryEntry> history(String orderId);

    OrderPage list(OrderFilter filter, int page, int size);

    /** Unpaid orders past their payment window, in every tenant, the longest due first. */
    List<Due> unpaidDue(Instant now, int limit);

    record Due(TenantId tenant, String orderNo) {
    }

    /** @param storeCodes null for every store; otherwise only these (never empty) */
    record OrderFilter(@Nullable OrderStatus status, @Nullable List<String> storeCodes, @Nullable Instant from,
                       @Nullable Instant to) {
    }

    record OrderPage(List<Order> items, long total) {
    }
}
