package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;

/**
 * One line of CEB621 ({@code InventoryList}). {@code gcode} is the 10-digit HS code; {@code unit} the declared unit,
 * {@code unit1}/{@code unit2} the HS code's legal units with {@code qty1}/{@code qty2} the declared quantity converted
 * into them (2 cans of 0.8 kg net: qty1 1.6 in 035). {@code itemRecordNo} is required for bonded goods.
 */
public record InventoryList(int gnum, @Nullable String itemRecordNo, String itemNo, String itemName, String gcode,
                            String gname, String gmodel, @Nullable String barCode, String country, String currency,
                            BigDecimal qty, String unit, BigDecimal qty1, String unit1, @Nullable BigDecimal qty2,
                            @Nullable String unit2, Money price, Money totalPrice, @Nullable String note) {
}
