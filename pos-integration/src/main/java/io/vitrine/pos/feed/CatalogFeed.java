package io.vitrine.pos.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.pos.feed.StoreShelf.Store;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * {@code GET /pos/v1/catalog/changes}: a store's catalog as changes since a cursor, for the current tenant's device.
 * A new device (no cursor, or {@code "0"}) first copies the store's assortment page by page, then reads the change
 * log from the watermark it saw when the copy began; a device that is up to date reads the entries of the log
 * after its cursor, up to the watermark (never past it: an entry numbered higher may still be committing), each SKU
 * told once per page as it is now.
 *
 * <p>Why nothing is lost: a log entry is appended after the catalog change it names committed, and a page reads the
 * catalog after the log; so every state a device was not told is either already in what it read or named by an
 * entry after its cursor. The page runs in one read-only transaction: the watermark and the entries it covers come
 * from one snapshot.
 *
 * <p>The log is pruned ({@link ChangeLogRetention}): a device whose cursor is older than the pruned horizon is told so
 * ({@link CursorExpiredException}, HTTP 410 {@code CURSOR_EXPIRED} naming {@code cursor}) and must bootstrap again;
 * it is never answered as if nothing had changed.
 */
@Singleton
public class CatalogFeed {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    private final CatalogChangeLog log;
    private final AssortmentKeyset assortment;
    private final StoreShelf shelf;
    private final Stores stores;
    private final CurrentTenant currentTenant;

    CatalogFeed(CatalogChangeLog log, AssortmentKeyset assortment, StoreShelf shelf, Stores stores,
                CurrentTenant currentTenant) {
        this.log = log;
        this.assortment = assortment;
        this.shelf = shelf;
        this.stores = stores;
        this.currentTenant = currentTenant;
    }

    /**
     * The next page of the store's feed after {@code cursor} (null or "0": from the start), at most {@code limit}
     * changes (default {@value #DEFAULT_LIMIT}); 400 naming {@code cursor} or {@code limit} for bad ones.
     */
    @Transactional(readOnly = true)
    public FeedPage page(String storeCode, @Nullable String cursor, @Nullable Integer limit) {
        int size = checkedLimit(limit);
        TenantId tenant = currentTenant.require();
        var found = stores.get(Actor.system(), storeCode);
        Store store = new Store(found.code(), found.warehouseCode());
        long watermark = log.watermark(tenant);
        FeedCursor from = cursor == null || cursor.isBlank() || "0".equals(cursor)
                ? FeedCursor.snapshotFrom(store.code(), watermark)
                : FeedCursor.parse(cursor.strip(), store.code());
        if (from.position() > watermark) {
            throw InvalidInputException.of("cursor", "CURSOR_AHEAD",
                    "this cursor is ahead of the store's feed: start again without a cursor");
        }
        return from.snapshot() ? snapshotPage(store, from, watermark, size) : logPage(tenant, store, from, watermark, size);
    }

    private FeedPage snapshotPage(Store store, FeedCursor from, long watermark, int size) {
        List<String> skus = assortment.after(store.code(), from.afterSku() == null ? "" : from.afterSku(), size);
        List<CatalogChange> offered = shelf.resolve(store, skus).stream()
                .filter(change -> change.op() == ChangeOp.UPSERT) // a new device has nothing to delete
                .toList();
        if (skus.size() == size) {
            return new FeedPage(from.snapshotAfter(skus.get(skus.size() - 1)).encode(), true, offered);
        }
        FeedCursor logFrom = FeedCursor.logAt(store.code(), from.position());
        return new FeedPage(logFrom.encode(), watermark > from.position(), offered);
    }

    private FeedPage logPage(TenantId tenant, Store store, FeedCursor from, long watermark, int size) {
        List<CatalogChangeLog.Logged> entries = log.between(tenant, from.position(), watermark, store.warehouseCode(),
                store.code(), size);
        // read after the entries: a horizon is committed before anything under it is deleted, so a cursor at or above
        // the horizon seen now missed nothing; one below it may have (an idle poll, at the watermark, has nothing to miss)
        if (from.position() < watermark && from.position() < log.prunedThrough(tenant)) {
            throw new CursorExpiredException();
        }
        long next = entries.size() < size ? watermark : entries.get(entries.size() - 1).seq();
        List<CatalogChange> changes = shelf.resolve(store, entries.stream().map(CatalogChangeLog.Logged::sku).toList());
        return new FeedPage(FeedCursor.logAt(store.code(), next).encode(), next < watermark, changes);
    }

    private static int checkedLimit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "LIMIT_RANGE", "1 to " + MAX_LIMIT + " changes per page");
        }
        return limit;
    }
}
