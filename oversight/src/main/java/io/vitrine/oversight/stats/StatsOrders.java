package io.vitrine.oversight.stats;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Optional;

/**
 * What the statistics remember per order and return (V46 {@code stats_orders}, {@code stats_returns}), so that each
 * fact counts once however often its event is delivered: each {@code count…} / {@link #decide} answers true only
 * the first time. Implemented in {@code infra}; joins the caller's transaction.
 */
public interface StatsOrders {

    Optional<OrderKeys> keysOf(String orderNo);

    /** Records the order's keys unless they are known; answers the keys as stored. */
    OrderKeys remember(String orderNo, OrderKeys keys);

    /** The order's payment, once. */
    boolean countPaid(String orderNo);

    /**
     * Customs' decision on the order's declaration, the earliest-decided one kept whatever the order of delivery:
     * {@link DecisionChange#first()} when none was recorded, {@link DecisionChange#replacing} when it was decided
     * before the one recorded (which then no longer counts), {@link DecisionChange#none()} otherwise.
     */
    DecisionChange decide(String orderNo, Decision decision);

    /** The order's release, once. */
    boolean countRelease(String orderNo);

    /** A return whose goods came back, once per return number. */
    boolean countReturn(TenantId tenant, String returnNo);
}
