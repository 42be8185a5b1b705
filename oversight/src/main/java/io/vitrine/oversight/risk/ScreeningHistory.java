package io.vitrine.oversight.risk;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * The paid orders screened so far (table {@code risk_screenings}), what the rules count. Every count is within
 * one scope (park) or, for a store, one tenant, over {@code [from, to]}. Joins the caller's transaction.
 * Implemented in {@code infra}.
 */
public interface ScreeningHistory {

    /** Records the order once; false when it was already (a redelivery). */
    boolean record(ScreenedOrder order);

    int ordersOfBuyer(TenantId scope, String buyerIdIndex, Instant from, Instant to);

    /** Orders of the buyer whose transaction price is at least {@code minPriceFen}. */
    int ordersOfBuyerFrom(TenantId scope, String buyerIdIndex, long minPriceFen, Instant from, Instant to);

    int buyersToAddress(TenantId scope, String addressIndex, Instant from, Instant to);

    int buyersToPhone(TenantId scope, String phoneIndex, Instant from, Instant to);

    /** Orders of the buyer refused because the payer was not the buyer. */
    int identityFailuresOfBuyer(TenantId scope, String buyerIdIndex, Instant from, Instant to);

    int storeOrders(TenantId tenant, String storeCode, Instant from, Instant to);

    /** Marks a screened order refused at clearance (payer not buyer); false when it was never screened. */
    boolean identityFailed(String orderNo, Instant at);
}
