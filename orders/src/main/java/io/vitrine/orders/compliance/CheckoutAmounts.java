package io.vitrine.orders.compliance;

import io.vitrine.kernel.money.Money;

/**
 * An order's amounts, the same figures everywhere (cart, order response, CEB311, Alipay): {@code total = goods +
 * freight + insurance + tax − discount}. The tax is the sum of the lines' taxes, each rounded on its own.
 */
public record CheckoutAmounts(Money goodsValue, Money freight, Money insurance, Money discount, Money tax, Money total) {

    public CheckoutAmounts {
        if (!goodsValue.plus(freight).plus(insurance).plus(tax).minus(discount).equals(total)) {
            throw new IllegalArgumentException("total = goods + freight + insurance + tax - discount");
        }
    }

    public static CheckoutAmounts of(Money goodsValue, Money freight, Money insurance, Money discount, Money tax) {
        return new CheckoutAmounts(goodsValue, freight, insurance, discount, tax,
                goodsValue.plus(freight).plus(insurance).plus(tax).minus(discount));
    }
}
