package io.vitrine.orders.returns;

import io.vitrine.kernel.money.Money;
import io.vitrine.orders.compliance.CheckoutAmounts;
import io.vitrine.tenants.settings.ReturnFreightPolicy;

import java.util.List;

/**
 * What a return gives back (domain.md "Returns"), pure: per returned line its share of the line's goods value and
 * import tax as sold ({@code quantity / orderedQuantity}, split in whole fen by {@link Money#allocate}, so a whole
 * line is exactly its value and tax); the order's freight by the tenant's {@link ReturnFreightPolicy} — BUYER_PAYS
 * (the default) none of it, MERCHANT_PAYS the share of the returned goods in the order's goods value. The buyer's
 * annual quota, which counted goods and freight, is reduced by the goods and freight given back.
 */
public record RefundShare(Money goods, Money tax, Money freight) {

    public static RefundShare of(List<ReturnLine> lines, CheckoutAmounts order, ReturnFreightPolicy policy) {
        Money goods = Money.ZERO;
        Money tax = Money.ZERO;
        for (ReturnLine line : lines) {
            List<Long> weights = List.of((long) line.quantity(), (long) (line.orderedQuantity() - line.quantity()));
            goods = goods.plus(line.lineValue().allocate(weights).get(0));
            tax = tax.plus(line.lineTax().allocate(weights).get(0));
        }
        Money freight = Money.ZERO;
        if (policy == ReturnFreightPolicy.MERCHANT_PAYS && order.freight().isPositive()
                && order.goodsValue().isPositive()) {
            long kept = Math.max(0, order.goodsValue().fen() - goods.fen());
            freight = order.freight().allocate(List.of(goods.fen(), kept)).get(0);
        }
        return new RefundShare(goods, tax, freight);
    }

    public Money amount() {
        return goods.plus(tax).plus(freight);
    }

    /** What the buyer's annual quota counted of it: goods and freight (tax is not counted). */
    public Money counted() {
        return goods.plus(freight);
    }
}
