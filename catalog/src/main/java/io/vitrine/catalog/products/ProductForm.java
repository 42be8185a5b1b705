package io.vitrine.catalog.products;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** A product as a retailer admin sends it (api.md "Catalog and stock"); checked by {@link ProductValidation}. */
public record ProductForm(@Nullable String sku,
                          @Nullable String gtin,
                          @Nullable String nameZh,
                          @Nullable String nameEn,
                          @Nullable String brand,
                          @Nullable String categoryPath,
                          @Nullable String hsCode,
                          @Nullable String itemRecordNo,
                          @Nullable String originCountry,
                          @Nullable String unit,
                          @Nullable String unit1,
                          @Nullable BigDecimal qty1PerUnit,
                          @Nullable String unit2,
                          @Nullable BigDecimal qty2PerUnit,
                          @Nullable BigDecimal grossWeightKg,
                          @Nullable BigDecimal netWeightKg,
                          @Nullable BigDecimal vatRate,
                          @Nullable BigDecimal consumptionTaxRate,
                          @Nullable BigDecimal mfnTariffRate,
                          @Nullable String tradeMode,
                          @Nullable String warehouseCode,
                          @Nullable Long priceFen,
                          @Nullable List<String> images,
                          @Nullable String descriptionZh,
                          @Nullable String descriptionEn) {
}
