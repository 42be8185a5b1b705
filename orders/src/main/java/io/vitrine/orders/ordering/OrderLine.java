package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;

import java.math.BigDecimal;

/**
 * One ordered SKU, a snapshot of the product as it was sold: what the customs declaration (CEB311, inventory list)
 * will need later even if the product changes or goes.
 */
public record OrderLine(int lineNo, String sku, @Nullable String gtin, String nameZh, @Nullable String nameEn,
                        String brand, String hsCode, @Nullable String itemRecordNo, String originCountry, String unit,
                        String unit1, BigDecimal qty1PerUnit, @Nullable String unit2, @Nullable BigDecimal qty2PerUnit,
                        BigDecimal grossWeightKg, BigDecimal netWeightKg, TradeMode tradeMode, int quantity,
                        Money unitPrice, Money value, Money dutiableValue, ImportTax tax) {
}
