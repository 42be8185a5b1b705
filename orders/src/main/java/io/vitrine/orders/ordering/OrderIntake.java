package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.stock.OutOfStockException;
import io.vitrine.catalog.stock.ReservationLine;
import io.vitrine.catalog.stock.Reservations;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.compliance.AcceptedCheckout;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.compliance.ComplianceRule;
import io.vitrine.orders.compliance.Refusal;
import io.vitrine.orders.numbers.OrderNumber;
import io.vitrine.orders.numbers.OrderNumbers;
import io.vitrine.orders.quota.AnnualQuotas;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records an accepted checkout as an order, all in one transaction, under the number {@link OrderNumbers#issue}
 * claimed for it before its trade was opened: the stock reserved under it for the payment window, the annual quota reserved (not for a duty-paid order), the order with its
 * payment link, lines and first history line, the personal data sealed. Any refusal (OUT_OF_STOCK,
 * ANNUAL_LIMIT_EXCEEDED, a second order of the same cart) rolls everything back; the number stays claimed, unused. Stock before quota, as paying and cancelling do: the same lock order everywhere.
 */
@Singleton
class OrderIntake {

    private final Reservations stock;
    private final AnnualQuotas quotas;
    private final Orders orders;
    private final PersonalDataSeal seal;
    private final Ids ids;

    OrderIntake(Reservations stock, AnnualQuotas quotas, Orders orders, PersonalDataSeal seal,
                Ids ids) {
        this.stock = stock;
        this.quotas = quotas;
        this.orders = orders;
        this.seal = seal;
        this.ids = ids;
    }

    @Transactional
    Order record(TenantId tenant, OrderNumber number, String paymentLink, NewOrder order, Instant now,
                 Duration paymentWindow) {
        AcceptedCheckout checkout = order.checkout();
        String orderNo = number.value();
        try {
            stock.reserve(orderNo, checkout.lines().stream()
                    .map(line -> new ReservationLine(checkout.warehouseCode(), line.sku(), line.quantity())).toList(),
                    paymentWindow);
        } catch (OutOfStockException shortLine) {
            // the compliance rule's refusal, so the shopper reads it in their language
            throw CheckoutRefusedException.of(Refusal.ofSku(ComplianceRule.OUT_OF_STOCK, shortLine.line().sku()));
        }
        boolean holdsQuota = checkout.quotaAmount().isPositive();
        if (holdsQuota) {
            quotas.reserve(orderNo, checkout.buyerId(), now, checkout.quotaAmount());
        }
        Order placed = new Order(ids.nextId(), tenant, orderNo, order.storeCode(), order.deviceId(),
                OrderStatus.PENDING_PAYMENT, checkout.tradeMode(), checkout.warehouseCode(), checkout.taxation(),
                checkout.amounts(), holdsQuota ? checkout.quotaAmount() : Money.ZERO,
                holdsQuota ? ChinaTime.yearOf(now) : null, order.payMethod(), paymentLink, now.plus(paymentWindow), null, null,
                null, null, null, null, now, now, 0, seal.seal(orderNo, order.buyer(), order.consignee()));
        orders.insert(placed, order.cartRef(), order.tokenHash(), lines(checkout, order.products()),
                HistoryEntry.transition(null, OrderStatus.PENDING_PAYMENT, now, order.actor(), null));
        return placed;
    }

    private static List<OrderLine> lines(AcceptedCheckout checkout, Map<String, Product> products) {
        List<OrderLine> lines = new ArrayList<>();
        for (AcceptedCheckout.TaxedLine taxed : checkout.lines()) {
            Product p = products.get(taxed.sku());
            lines.add(new OrderLine(lines.size() + 1, p.sku(), p.gtin(), p.nameZh(), p.nameEn(), p.brand(), p.hsCode(),
                    p.itemRecordNo(), p.originCountry(), p.unit(), p.unit1(), p.qty1PerUnit(), p.unit2(),
                    p.qty2PerUnit(), p.grossWeightKg(), p.netWeightKg(), p.tradeMode(),
                    Math.toIntExact(taxed.quantity()), taxed.unitPrice(), taxed.goodsValue(), taxed.dutiableValue(),
                    taxed.tax()));
        }
        return lines;
    }

    /** What the placement hands over: the accepted checkout and the form's parts that are stored. */
    record NewOrder(AcceptedCheckout checkout, Map<String, Product> products, String storeCode, String deviceId,
                    PayMethod payMethod, CheckoutFacts.Buyer buyer, PersonalDataSeal.ValidConsignee consignee,
                    String cartRef, String tokenHash, String actor) {
    }
}
