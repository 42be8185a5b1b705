package io.vitrine.orders.quota;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.time.Year;

/**
 * One recorded movement of the ledger.
 *
 * @param reference   the order number, or the return number of a {@link QuotaMovement#REDUCE}
 * @param buyerIndex  the blind index of the buyer's ID number
 * @param tenant      whose order it was (audit; the ledger itself is platform-wide)
 */
public record QuotaEntry(String id, QuotaMovement movement, String reference, String orderNo, String buyerIndex,
                         Year year, Money amount, TenantId tenant, Instant createdAt) {
}
