package io.vitrine.oversight.display;

import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderLine;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import jakarta.inject.Singleton;

/**
 * What a SOLD_DECLARED movement must name: an order of the current tenant, placed at the account's store from the
 * account's warehouse, released by customs (declared and cleared, not shipped from the warehouse), holding the SKU,
 * and not more units of it than the order holds across every sample already declared sold for it. Each refusal is a
 * 422 with its code; nothing is recorded.
 */
@Singleton
class DeclaredSales {

    private final Orders orders;
    private final DisplayLedger ledger;

    DeclaredSales(Orders orders, DisplayLedger ledger) {
        this.orders = orders;
        this.ledger = ledger;
    }

    void check(TenantId tenant, DisplayAccount account, String orderNo, String sku, long quantity) {
        Order order = orders.find(orderNo).orElseThrow(() -> new BusinessRuleException("ORDER_UNKNOWN",
                "No order " + orderNo + " of yours."));
        if (!order.storeCode().equals(account.storeCode()) || !order.warehouseCode().equals(account.warehouseCode())) {
            throw new BusinessRuleException("ORDER_OTHER_STORE", "Order " + orderNo + " was placed at store "
                    + order.storeCode() + " from warehouse " + order.warehouseCode() + ", not this account's.");
        }
        if (order.status() != OrderStatus.RELEASED) {
            throw new BusinessRuleException("ORDER_NOT_RELEASED", "Order " + orderNo + " is " + order.status()
                    + ": a display sample is declared sold for an order customs released (and not shipped).");
        }
        long ordered = orders.lines(order.id()).stream().filter(line -> line.sku().equals(sku))
                .mapToLong(OrderLine::quantity).sum();
        if (ordered == 0) {
            throw new BusinessRuleException("ORDER_WITHOUT_SKU", "Order " + orderNo + " holds no " + sku + ".");
        }
        long declared = ledger.soldForOrder(tenant, orderNo, sku);
        if (declared + quantity > ordered) {
            throw new BusinessRuleException("ORDER_QUANTITY_EXCEEDED", "Order " + orderNo + " holds " + ordered + " of "
                    + sku + "; " + declared + " already declared sold from display.");
        }
    }
}
