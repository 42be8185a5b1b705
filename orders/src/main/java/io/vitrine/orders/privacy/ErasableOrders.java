package io.vitrine.orders.privacy;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * The orders whose personal data may go, and their erasure. Platform-wide: one round serves every tenant.
 * Implemented in {@code infra}.
 */
public interface ErasableOrders {

    /**
     * Finished orders unchanged since before {@code cutoff}, not yet erased and with no return still open, the
     * longest unchanged first.
     */
    List<Erasable> due(Instant cutoff, int limit);

    /**
     * Erases the order's sealed personal fields and blind indexes and its returns' photos (rows; the files are
     * listed for the caller to delete), if it is still due — its own transaction. Empty when it no longer is
     * (changed meanwhile, a return opened, already erased).
     */
    java.util.Optional<Erased> erase(Erasable order, Instant cutoff, Instant now);

    record Erasable(TenantId tenant, String orderNo) {
    }

    /** @param photoFiles the file-storage ids of the photos whose rows went */
    record Erased(TenantId tenant, String orderNo, List<String> photoFiles) {
    }
}
