package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.ordering.HistoryEntry;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderLine;

import java.util.List;

/**
 * An order as its console page shows it: the kiosk it was placed on, the amounts in yuan, China times, the buyer and
 * consignee masked as {@link OrderDetails} gives them (never the plain personal data), the lines and the timeline with its notes.
 */
public record OrderSheet(String orderNo, String status, String storeCode, String deviceKey, String tradeMode,
                         String placedAt, String goods, String freight, String insurance, String discount, String tax, String total,
                         String payMethod, String paymentExpiresAt, String paidAt, String tradeNo, String refunded,
                         @Nullable OrderDetails.MaskedBuyer buyer, @Nullable OrderDetails.MaskedConsignee consignee,
                         List<Line> lines, List<Step> timeline, boolean cancellable) {

    /** {@code deviceKey}: the paired kiosk the order was placed on, or null. */
    static OrderSheet of(OrderDetails details, @Nullable String deviceKey) {
        Order o = details.order();
        var a = o.amounts();
        return new OrderSheet(o.orderNo(), o.status().name(), o.storeCode(), deviceKey == null ? "" : deviceKey,
                o.tradeMode().code(),
                ChinaTimeText.of(o.placedAt()), yuan(a.goodsValue()), yuan(a.freight()), yuan(a.insurance()),
                yuan(a.discount()), yuan(a.tax()), yuan(a.total()), o.payMethod().name(),
                ChinaTimeText.of(o.paymentExpiresAt()), ChinaTimeText.of(o.paidAt()),
                o.tradeNo() == null ? "" : o.tradeNo(), o.refunded() == null ? "" : yuan(o.refunded()),
                details.buyer(), details.consignee(), details.lines().stream().map(Line::of).toList(),
                details.history().stream().map(Step::of).toList(), o.status().cancellableByTheShop());
    }

    private static String yuan(Money amount) {
        return amount.toDisplayString();
    }

    /** A line: quantity, unit price, value and its tax in yuan. */
    public record Line(String sku, String name, String nameEn, int qty, String unitPrice, String value, String tax) {

        static Line of(OrderLine line) {
            return new Line(line.sku(), line.nameZh(), line.nameEn() == null ? "" : line.nameEn(), line.quantity(),
                    yuan(line.unitPrice()), yuan(line.value()), yuan(line.tax().total()));
        }
    }

    /** A status change ({@code from} → {@code status}) or a note (the status unchanged, {@code note} says what). */
    public record Step(String status, String from, String at, String note, boolean noteOnly) {

        static Step of(HistoryEntry entry) {
            boolean note = entry.kind() == HistoryEntry.Kind.NOTE;
            return new Step(entry.to().name(), note || entry.from() == null ? "" : entry.from().name(),
                    ChinaTimeText.of(entry.at()), entry.reason() == null ? "" : entry.reason(), note);
        }
    }
}
