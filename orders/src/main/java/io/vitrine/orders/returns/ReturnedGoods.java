package io.vitrine.orders.returns;

import io.vitrine.catalog.stock.Reservations;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.compliance.CheckoutAmounts;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.orders.ordering.ReturnableOrder;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.tenants.settings.ReturnFreightPolicy;
import io.vitrine.tenants.settings.Settings;

import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What goods back at the bonded site change outside the return itself, in the caller's transaction (the return and
 * its order locked): the refund's share worked out ({@link RefundShare}, the tenant's return freight policy), the
 * units back on hand where they were sold from (catalog's {@code Reservations.returnUnits}, ledger RETURN), the
 * buyer's annual quota reduced once per return number ({@code AnnualQuotas.reduce}; an order that never counted
 * against it, none), and the order moved to
 * RETURNED when every unit bought is back, else PARTIALLY_RETURNED. Stock before quota, the lock order of paying.
 */
@Singleton
class ReturnedGoods {

    private final OrderReturning orders;
    private final Reservations stock;
    private final AnnualQuotas quotas;
    private final Settings settings;

    ReturnedGoods(OrderReturning orders, Reservations stock, AnnualQuotas quotas, Settings settings) {
        this.orders = orders;
        this.stock = stock;
        this.quotas = quotas;
        this.settings = settings;
    }

    RefundShare shareOf(ReturnRequest received) {
        CheckoutAmounts amounts = orders.amounts(received.orderNo());
        ReturnFreightPolicy policy = settings.current().returnFreightPolicy();
        return RefundShare.of(received.lines(), amounts, policy == null ? ReturnFreightPolicy.BUYER_PAYS : policy);
    }

    /**
     * @param received   the return, already GOODS_RECEIVED in this transaction
     * @param order      its order, locked
     * @param allOfOrder every return of the order as it stands now (this one included)
     * @return what the buyer's annual quota was reduced by (zero for an order that never counted against it)
     */
    Money restore(ReturnRequest received, RefundShare share, ReturnableOrder order, List<ReturnRequest> allOfOrder,
                  String by) {
        Map<String, Long> units = new HashMap<>();
        received.lines().forEach(line -> units.merge(line.sku(), (long) line.quantity(), Long::sum));
        stock.returnUnits(received.orderNo(), units, "return " + received.returnNo() + " received");
        Money reduced = Money.ZERO;
        if (share.counted().isPositive() && orders.holdsQuota(received.orderNo())) {
            quotas.reduce(received.returnNo(), received.orderNo(), share.counted());
            reduced = share.counted();
        }
        orders.returned(received.orderNo(), by, everythingBack(order, allOfOrder), "return " + received.returnNo()
                + " received: " + ReturnRequest.describe(received.lines()));
        return reduced;
    }

    /** Whether the returns whose goods are back cover every unit of every line bought. */
    private static boolean everythingBack(ReturnableOrder order, List<ReturnRequest> returns) {
        Map<Integer, Integer> back = new HashMap<>();
        for (ReturnRequest r : returns) {
            if (r.status().goodsBack()) {
                r.lines().forEach(line -> back.merge(line.lineNo(), line.quantity(), Integer::sum));
            }
        }
        return order.lines().stream().allMatch(line -> back.getOrDefault(line.lineNo(), 0) >= line.quantity());
    }
}
