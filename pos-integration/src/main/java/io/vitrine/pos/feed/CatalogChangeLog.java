package io.vitrine.pos.feed;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * The per-tenant log of SKUs that may have changed, numbered by a sequence that commits in order: when the
 * {@link #watermark} reads {@code w}, every entry numbered {@code <= w} is committed and readable, so a reader that
 * serves only up to it never skips an entry that commits later with a smaller number.
 */
public interface CatalogChangeLog {

    /** Appends the entries, in order, numbered after every entry appended before; inside the caller's transaction. */
    void append(TenantId tenant, List<Entry> entries);

    /** The highest committed sequence number of the tenant (0 before its first entry). */
    long watermark(TenantId tenant);

    /**
     * Entries numbered in {@code (after, upTo]} that concern stores served from {@code warehouseCode} (unscoped
     * entries and those of that warehouse), in sequence order, at most {@code limit}.
     */
    List<Logged> between(TenantId tenant, long after, long upTo, String warehouseCode, int limit);

    /** A SKU that may have changed: for every store, or (a stock quantity) for those served from one warehouse. */
    record Entry(String sku, @Nullable String warehouseCode) {
    }

    /** An entry with its sequence number. */
    record Logged(long seq, String sku) {
    }
}
