package io.vitrine.orders.pricing;

import io.vitrine.kernel.money.Money;

import java.util.List;

/**
 * What a cart or order costs (the order message's goodsValue, freight, insuredFee, discount, taxTotal and
 * acturalPaid): {@code total = goodsValue + freight + insurance + tax − discount}, tax being the sum of the
 * lines' taxes.
 */
public record PriceBreakdown(List<PricedLine> lines, Money goodsValue, Money freight, Money insurance,
                             Money discount, Money tax, Money total) {

    public static final PriceBreakdown EMPTY = new PriceBreakdown(List.of(), Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO);

    public PriceBreakdown {
        lines = List.copyOf(lines);
    }
}
