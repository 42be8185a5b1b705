package io.vitrine.orders.quota;

import io.vitrine.kernel.money.Money;

import java.time.Instant;
import java.time.Year;
import java.util.Optional;
import java.util.Set;

/**
 * The storage behind {@link AnnualQuotas}: accounts per (buyer index, year) and their movements. Every method runs
 * in the caller's transaction. Implemented in {@code infra}; platform-wide, no tenant filter.
 */
public interface QuotaLedger {

    /**
     * The account, created empty if absent, locked until the transaction ends: one person's concurrent orders
     * queue here, so each sees the totals the previous one left.
     */
    AnnualQuota lock(String buyerIndex, Year year);

    /**
     * An account a reservation already opened, locked until the transaction ends (one statement: no upsert, the row
     * exists); fails when it does not.
     */
    AnnualQuota lockExisting(String buyerIndex, Year year);

    /** The account as last committed (or as this transaction left it), without locking; empty if none. */
    Optional<AnnualQuota> find(String buyerIndex, Year year);

    void save(String buyerIndex, AnnualQuota quota, Instant at);

    Optional<QuotaEntry> find(QuotaMovement movement, String reference);

    /** Which of these movements an order's number already has (consume and release read both at once). */
    Set<QuotaMovement> movementsOf(String orderNo, Set<QuotaMovement> among);

    /** Inserts the movement; the (movement, reference) unique key refuses a second one. */
    void record(QuotaEntry entry);

    /** Inserts the movement unless one with its (movement, reference) exists: false then, nothing changed. */
    boolean recordIfAbsent(QuotaEntry entry);

    /** What the returns of an order have reduced so far. */
    Money reducedFor(String orderNo);
}
