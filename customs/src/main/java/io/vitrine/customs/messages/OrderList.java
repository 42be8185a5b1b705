package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;

/**
 * One line of CEB311 (the standard calls each line an {@code OrderList}): {@code gnum} from 1, the seller's item
 * number, the declared unit (customs unit code), quantity, unit price and {@code totalPrice} = price × qty.
 */
public record OrderList(int gnum, String itemNo, String itemName, @Nullable String gmodel,
                        @Nullable String itemDescribe, @Nullable String barCode, String unit, BigDecimal qty,
                        Money price, Money totalPrice, String currency, String country, @Nullable String note) {
}
