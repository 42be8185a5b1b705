package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;

/**
 * Every write of a stock row, inside the caller's transaction (callers are {@code @Transactional}): lock the
 * row, write its new counts, record an on-hand change in the ledger and publish {@link StockLevelChanged} (the
 * POS feeds follow quantities), and — when the SKU went in or out of stock at that warehouse — publish
 * {@link ProductPlacementChanged} so the search index follows.
 */
@Singleton
class StockMoves {

    private final StockItemRepository items;
    private final StockCountBatch batch;
    private final StockLedgerRepository ledger;
    private final Outbox outbox;
    private final Ids ids;
    private final Clock clock;

    StockMoves(StockItemRepository items, StockCountBatch batch, StockLedgerRepository ledger, Outbox outbox, Ids ids, Clock clock) {
        this.items = items;
        this.batch = batch;
        this.ledger = ledger;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** The locked row, if this pair was ever stocked. */
    Optional<StockItem> lock(String warehouseCode, String sku) {
        return items.findByWarehouseCodeAndSkuForUpdate(warehouseCode, sku);
    }

    /**
     * Locks the rows of these lines (in warehouse-then-SKU order, as {@code ReservationRequest} sorts them): one
     * statement per warehouse, whatever the number of lines. A pair never stocked has no entry.
     */
    Map<Item, StockItem> lockAll(TenantId tenant, List<ReservationLine> lines) {
        Map<String, List<String>> skusByWarehouse = new TreeMap<>();
        lines.forEach(line -> skusByWarehouse.computeIfAbsent(line.warehouseCode(), w -> new ArrayList<>()).add(line.sku()));
        Map<Item, StockItem> locked = new HashMap<>();
        skusByWarehouse.forEach((warehouse, skus) -> items.lockAll(tenant.value(), warehouse, skus)
                .forEach(item -> locked.put(new Item(item.warehouseCode(), item.sku()), item)));
        return locked;
    }

    /**
     * New counts of locked rows in one batch, their ledger lines (on-hand changes, with {@code line}) in another,
     * one {@link StockLevelChanged} per warehouse naming every SKU whose on-hand moved, and one
     * {@link ProductPlacementChanged} naming every SKU that went in or out of stock.
     */
    void writeAll(TenantId tenant, List<Change> changes, @Nullable LedgerLine line) {
        Instant now = now();
        List<StockItem> rows = new ArrayList<>();
        List<StockLedgerEntry> entries = new ArrayList<>();
        List<String> flipped = new ArrayList<>();
        for (Change change : changes) {
            StockItem locked = change.locked();
            StockItem changed = locked.with(change.onHand(), change.reserved(), now);
            rows.add(changed);
            if (change.onHand() != locked.onHand()) {
                Objects.requireNonNull(line, "an on-hand change needs its ledger line");
                entries.add(new StockLedgerEntry(ids.nextId(), null, locked.warehouseCode(), locked.sku(),
                        line.movement(), change.onHand() - locked.onHand(), change.onHand(), line.reason(),
                        line.by().id(), line.by().name(), now));
            }
            if (changed.level().inStock() != locked.level().inStock()) {
                flipped.add(locked.sku());
            }
        }
        if (!rows.isEmpty()) {
            batch.update(rows);
        }
        if (!entries.isEmpty()) {
            ledger.saveAll(entries);
            publishLevels(tenant, entries);
        }
        if (!flipped.isEmpty()) {
            outbox.publish(new ProductPlacementChanged(tenant, flipped.stream().distinct().sorted().toList()));
        }
    }

    /**
     * New on-hand and reserved counts of a locked row; an on-hand change goes into the ledger with {@code line}
     * (null only when on-hand stays: a reservation held or given back).
     */
    StockItem write(TenantId tenant, StockItem locked, long onHand, long reserved, @Nullable LedgerLine line) {
        Instant now = now();
        StockItem changed = items.update(locked.with(onHand, reserved, now));
        if (onHand != locked.onHand()) {
            Objects.requireNonNull(line, "an on-hand change needs its ledger line");
            ledger.save(new StockLedgerEntry(ids.nextId(), null, locked.warehouseCode(), locked.sku(), line.movement(),
                    onHand - locked.onHand(), onHand, line.reason(), line.by().id(), line.by().name(), now));
            outbox.publish(new StockLevelChanged(tenant, locked.warehouseCode(), List.of(locked.sku())));
        }
        if (changed.level().inStock() != locked.level().inStock()) {
            outbox.publish(new ProductPlacementChanged(tenant, List.of(locked.sku())));
        }
        return changed;
    }

    /** The on-hand changes of one write, as one event per warehouse (several past the event's SKU bound). */
    private void publishLevels(TenantId tenant, List<StockLedgerEntry> entries) {
        Map<String, List<String>> skusByWarehouse = new TreeMap<>();
        entries.forEach(entry -> skusByWarehouse.computeIfAbsent(entry.warehouseCode(), w -> new ArrayList<>())
                .add(entry.sku()));
        skusByWarehouse.forEach((warehouse, skus) -> SkuBatches.of(skus.stream().sorted().toList(),
                        ProductPlacementChanged.MAX_SKUS)
                .forEach(batch -> outbox.publish(new StockLevelChanged(tenant, warehouse, batch))));
    }

    /** Cut to what a DATETIME(6) column keeps, so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A stock row: warehouse and SKU. */
    record Item(String warehouseCode, String sku) {

        static Item of(ReservationLine line) {
            return new Item(line.warehouseCode(), line.sku());
        }
    }

    /** A locked row's new counts. */
    record Change(StockItem locked, long onHand, long reserved) {
    }

    /** Why on-hand stock moves, and who moved it. */
    record LedgerLine(StockMovement movement, String reason, Actor by) {
    }
}
