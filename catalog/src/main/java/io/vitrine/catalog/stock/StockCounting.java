package io.vitrine.catalog.stock;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The transactions behind {@link Stock}: a pair's row is opened once in a short transaction of its own, then
 * each count or adjustment locks it, checks the rules against what it holds and writes (with the ledger).
 * Concurrent changes of one pair queue on its row lock, so none is lost.
 * <p>
 * Every one of them first locks the product's row, the lock {@code Products.delete} takes before it reads the
 * product's stock rows: product row, then stock rows, for writers and the deletion alike. So a deletion and a
 * count of the same SKU run one after the other — a count that comes second finds the product gone (404) and a
 * deletion that comes second finds the stock (422 {@code PRODUCT_HAS_STOCK}) — even for a warehouse whose row
 * did not exist when the deletion read the rows. (The search feed holds the product's row while it indexes the
 * product: a count of that product waits for it, well under a second.)
 */
@Singleton
class StockCounting {

    private final StockItemRepository items;
    private final ProductRepository products;
    private final StockMoves moves;
    private final Ids ids;
    private final Clock clock;

    StockCounting(StockItemRepository items, ProductRepository products, StockMoves moves, Ids ids, Clock clock) {
        this.items = items;
        this.products = products;
        this.moves = moves;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates the pair's row with nothing on hand unless it exists; committed at once (see the repository). */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void open(TenantId tenant, String warehouseCode, String sku) {
        lockProduct(sku);
        if (items.findByWarehouseCodeAndSku(warehouseCode, sku).isEmpty()) {
            items.insertIfAbsent(ids.nextId(), tenant.value(), warehouseCode, sku,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Transactional
    public StockLevel count(TenantId tenant, Actor by, String warehouseCode, String sku, long quantity, String reason) {
        lockProduct(sku);
        StockItem item = moves.lock(warehouseCode, sku).orElseThrow(StockCounting::productGone);
        requireAboveReserved(item, quantity);
        return moves.write(tenant, item, quantity, item.reserved(),
                new StockMoves.LedgerLine(StockMovement.COUNT, reason, by)).level();
    }

    @Transactional
    public StockLevel adjust(TenantId tenant, Actor by, String warehouseCode, String sku, long delta, String reason) {
        lockProduct(sku);
        StockItem item = moves.lock(warehouseCode, sku).orElse(null); // a removal from a pair never stocked
        if (item == null && delta > 0) { // opened, then removed with its product in between
            throw productGone();
        }
        long before = item == null ? 0 : item.onHand();
        long after = before + delta;
        if (after < 0) {
            throw new BusinessRuleException("STOCK_NEGATIVE",
                    "Stock never goes below zero: " + before + " on hand, adjustment " + delta + ".");
        }
        if (after > Stock.MAX_QUANTITY) {
            throw new BusinessRuleException("STOCK_TOO_HIGH", "At most " + Stock.MAX_QUANTITY + " units of one SKU per warehouse.");
        }
        requireAboveReserved(item, after);
        return moves.write(tenant, item, after, item.reserved(),
                new StockMoves.LedgerLine(StockMovement.ADJUSTMENT, reason, by)).level();
    }

    /**
     * Locks the product's row until the transaction ends, before any stock row (the deletion's order), and finds
     * it still there: a deletion that committed first leaves nothing to stock.
     */
    private void lockProduct(String sku) {
        products.findBySkuForUpdate(sku).orElseThrow(StockCounting::productGone);
    }

    /** The product was deleted since the request found it (its empty rows went with it). */
    private static NotFoundException productGone() {
        return new NotFoundException("No such product.");
    }

    private static void requireAboveReserved(StockItem item, long onHand) {
        if (onHand < item.reserved()) {
            throw new BusinessRuleException("STOCK_RESERVED", item.reserved() + " units are reserved by checkouts; "
                    + "on-hand stock cannot go below that until they are released or expire.");
        }
    }
}
