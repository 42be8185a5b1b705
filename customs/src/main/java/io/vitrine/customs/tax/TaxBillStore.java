package io.vitrine.customs.tax;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tax bill table (V34) and what it needs of the declaration tables. Every call joins the caller's transaction;
 * {@link #ownerOfInventory} and {@link #record} are platform-wide (a bill names no tenant), everything else is by
 * tenant. Implemented in {@code infra}.
 */
public interface TaxBillStore {

    /** The tenant and order whose receipts carried this inventory list number. */
    Optional<Owner> ownerOfInventory(String invtNo);

    Optional<RecordedTaxBill> find(String taxNo);

    void insert(RecordedTaxBill bill);

    /** Replaces the status and figures of a bill recorded before (a later status of the same bill). */
    void update(RecordedTaxBill bill);

    /**
     * The tenant's bills returned in {@code [from, to)}, and the bills with no tenant that name {@code ebcCode} as
     * the seller (null: none of those).
     */
    List<RecordedTaxBill> bills(TenantId tenant, @Nullable String ebcCode, Instant from, Instant to);

    /**
     * The tenant's orders whose inventory list was released (the first 800 receipt on a CEB621) in {@code [from,
     * to)} and that have no tax bill other than void ones.
     */
    List<Released> releasedWithoutBill(TenantId tenant, Instant from, Instant to);

    record Owner(TenantId tenant, String orderNo) {
    }

    record Released(String orderNo, Instant releasedAt) {
    }
}
