package io.vitrine.oversight.display;

import io.vitrine.catalog.stock.Stock;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.math.BigDecimal;

/**
 * The bonded warehouse's side of a movement, through the catalog's stock API: units out for display leave the
 * warehouse's on-hand count, units back (returned, or a sold sample standing in for the order's unit) come back to
 * it. Each change goes into the catalog's stock ledger with who did it and why, and joins the movement's transaction:
 * both commit or neither. The catalog's own rules stand: never below zero (422 {@code STOCK_NEGATIVE}), never below
 * what checkouts hold ({@code STOCK_RESERVED}).
 */
@Singleton
class WarehouseStock {

    private final Stock stock;

    WarehouseStock(Stock stock) {
        this.stock = stock;
    }

    void take(Actor by, DisplayAccount account, String sku, long quantity, String why) {
        adjust(by, account, sku, -quantity, why);
    }

    void give(Actor by, DisplayAccount account, String sku, long quantity, String why) {
        adjust(by, account, sku, quantity, why);
    }

    private void adjust(Actor by, DisplayAccount account, String sku, long delta, String why) {
        try {
            stock.adjust(by, account.warehouseCode(), sku, BigDecimal.valueOf(delta), why);
        } catch (NotFoundException e) { // the account's warehouse is checked: the SKU is no product of the tenant
            throw InvalidInputException.of("sku", "UNKNOWN_SKU", "is not a product of yours");
        }
    }
}
