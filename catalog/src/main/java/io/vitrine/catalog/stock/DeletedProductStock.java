package io.vitrine.catalog.stock;

import io.vitrine.catalog.products.ProductLeftovers;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A product with bonded stock on hand is not deleted: those are goods under customs control, in a warehouse's
 * account book, and reservations hold some of them for checkouts (reserved never exceeds on hand). Count them
 * out first. With none on hand, its stock rows go and its ledger stays: the audit trail of what happened.
 * Rows are locked in warehouse order (the order every stock writer takes); a count or adjustment that locks a row
 * after the deletion committed finds the product gone ({@link StockCounting}) and changes nothing.
 */
@Singleton
class DeletedProductStock implements ProductLeftovers {

    static final String CODE = "PRODUCT_HAS_STOCK";

    private final StockItemRepository items;

    DeletedProductStock(StockItemRepository items) {
        this.items = items;
    }

    @Override
    public void settleDeletion(Actor by, TenantId tenant, String sku) {
        List<StockItem> locked = items.findBySkuIn(List.of(sku)).stream()
                .sorted(Comparator.comparing(StockItem::warehouseCode))
                .map(row -> items.findByWarehouseCodeAndSkuForUpdate(row.warehouseCode(), row.sku()))
                .flatMap(Optional::stream)
                .toList();
        List<StockItem> held = locked.stream().filter(item -> item.onHand() > 0).toList();
        if (!held.isEmpty()) {
            throw new BusinessRuleException(CODE, "Bonded stock of " + sku + " is on hand ("
                    + held.stream().map(i -> i.warehouseCode() + ": " + i.onHand()
                            + (i.reserved() > 0 ? ", " + i.reserved() + " reserved" : ""))
                    .collect(Collectors.joining("; "))
                    + "): count it out to zero (and let reservations end) before deleting the product.");
        }
        locked.forEach(items::delete);
    }
}
