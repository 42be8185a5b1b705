package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;

/**
 * One order line as the declarations need it, snapshotted at sale (architecture.md "Data ownership"): the seller's
 * item number, names, GTIN, HS code, item record number (bonded goods), origin country, declared unit with its
 * legal units, quantity, unit price in fen and the weights in kg of ONE declared unit.
 *
 * @param gmodel brand / specification (规格型号) as declared
 */
public record DeclaredLine(int gnum, String itemNo, String itemName, String gmodel, @Nullable String barCode,
                           String hsCode, @Nullable String itemRecordNo, String country, String unit, int quantity,
                           Money price, LegalUnits legalUnits, BigDecimal grossWeightKg, BigDecimal netWeightKg) {

    public BigDecimal qty() {
        return BigDecimal.valueOf(quantity);
    }

    /** price × quantity, the line's goods value. */
    public Money totalPrice() {
        return price.times(quantity);
    }

    public BigDecimal grossWeight() {
        return grossWeightKg.multiply(qty());
    }

    public BigDecimal netWeight() {
        return netWeightKg.multiply(qty());
    }
}
