package io.vitrine.pos.feed;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * The per-tenant log of SKUs that may have changed, numbered by a sequence that commits in order: when the
 * {@link #watermark} reads {@code w}, every entry numbered {@code <= w} is committed and readable, so a reader that
 * serves only up to it never skips an entry that commits later with a smaller number.
 *
 * <p>Pruning ({@link ChangeLogRetention}): the tenant's horizon ({@link #prunedThrough}) is raised and committed
 * before any entry at or below it is deleted, so a reader that finds its cursor at or above the horizon after
 * reading its entries has missed none; one below it has lost entries and must bootstrap again.
 */
public interface CatalogChangeLog {

    /** Appends the entries, in order, numbered after every entry appended before; inside the caller's transaction. */
    void append(TenantId tenant, List<Entry> entries);

    /** The highest committed sequence number of the tenant (0 before its first entry). */
    long watermark(TenantId tenant);

    /** Entries numbered at or below this were (or are being) deleted: a cursor below it has lost changes. */
    long prunedThrough(TenantId tenant);

    /**
     * Entries numbered in {@code (after, upTo]} that concern {@code storeCode}, served from {@code warehouseCode}
     * (unscoped entries, those of that warehouse and those of that store), in sequence order, at most {@code limit}.
     */
    List<Logged> between(TenantId tenant, long after, long upTo, String warehouseCode, String storeCode, int limit);

    /** Per tenant, the highest entry still in the log recorded before {@code recordedBefore}; across tenants. */
    List<Horizon> prunable(Instant recordedBefore);

    /** Raises the tenant's horizon to {@code seq} (never lowers it), committed before it returns when called alone. */
    void raiseHorizon(TenantId tenant, long seq);

    /** Deletes up to {@code limit} of the tenant's entries numbered at or below {@code seq}, in one transaction; how many. */
    int deleteThrough(TenantId tenant, long seq, int limit);

    /**
     * A SKU that may have changed: for every store, for the stores served from one warehouse (a stock quantity), or
     * for one store (its assortment, or its move to another warehouse).
     */
    record Entry(String sku, @Nullable String warehouseCode, @Nullable String storeCode) {

        public static Entry everywhere(String sku) {
            return new Entry(sku, null, null);
        }

        public static Entry atWarehouse(String sku, String warehouseCode) {
            return new Entry(sku, warehouseCode, null);
        }

        public static Entry atStore(String sku, String storeCode) {
            return new Entry(sku, null, storeCode);
        }
    }

    /** An entry with its sequence number. */
    record Logged(long seq, String sku) {
    }

    /** A tenant's entries up to {@code seq} may go. */
    record Horizon(TenantId tenant, long seq) {
    }
}
