package io.vitrine.catalog.products;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.TaxRates;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A merchant's SKU with what customs, the tax rule and the storefront need (api.md "Catalog and stock").
 * Found by its {@code sku}, unique per tenant and never changed. Whether its HS code is on the positive
 * list is not a field: {@code Catalog} derives it when the product is read.
 *
 * @param categoryPath segments joined by '/', e.g. {@code 母婴/奶粉/婴儿奶粉}
 * @param unit         the declared unit (customs unit code); {@code unit1}/{@code unit2} are the HS code's legal
 *                     units, and one declared unit is {@code qty1PerUnit} of unit1 ({@code qty2PerUnit} of unit2)
 * @param images       ids of the tenant's stored files (category {@code image}), in display order
 */
@MappedEntity("products")
public record Product(@Id String id,
                     @TenantId @Nullable String tenantId,
                     String sku,
                     @Nullable String gtin,
                     String nameZh,
                     @Nullable String nameEn,
                     String brand,
                     String categoryPath,
                     String hsCode,
                     @Nullable String itemRecordNo,
                     String originCountry,
                     String unit,
                     String unit1,
                     @MappedProperty("qty1_per_unit") BigDecimal qty1PerUnit,
                     @Nullable String unit2,
                     @Nullable @MappedProperty("qty2_per_unit") BigDecimal qty2PerUnit,
                     BigDecimal grossWeightKg,
                     BigDecimal netWeightKg,
                     BigDecimal vatRate,
                     BigDecimal consumptionTaxRate,
                     @Nullable BigDecimal mfnTariffRate,
                     @TypeDef(type = DataType.STRING, converter = TradeModeCode.class) TradeMode tradeMode,
                     String warehouseCode,
                     long priceFen,
                     @MappedProperty("image_ids") @TypeDef(type = DataType.STRING, converter = ImageIds.class) List<String> images,
                     @Nullable String descriptionZh,
                     @Nullable String descriptionEn,
                     @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                     @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt) {

    public Money price() {
        return Money.ofFen(priceFen);
    }

    public TaxRates taxRates() {
        return new TaxRates(vatRate, consumptionTaxRate, mfnTariffRate);
    }

    /** The same product changed at another time. */
    public Product changedAt(Instant when) {
        return new Product(id, tenantId, sku, gtin, nameZh, nameEn, brand, categoryPath, hsCode, itemRecordNo, originCountry,
                unit, unit1, qty1PerUnit, unit2, qty2PerUnit, grossWeightKg, netWeightKg, vatRate, consumptionTaxRate,
                mfnTariffRate, tradeMode, warehouseCode, priceFen, images, descriptionZh, descriptionEn, createdAt, when);
    }

    /**
     * Whether every field a retailer sets is the same (identity and timestamps aside; decimals by value, so
     * {@code 0.13} is {@code 0.130000}): an import row like this one changes nothing.
     */
    public boolean sameFieldsAs(Product other) {
        for (RecordComponent component : Product.class.getRecordComponents()) {
            if (IDENTITY.contains(component.getName())) {
                continue;
            }
            Object mine = value(component, this);
            Object theirs = value(component, other);
            boolean same = mine instanceof BigDecimal a && theirs instanceof BigDecimal b
                    ? a.compareTo(b) == 0 : Objects.equals(mine, theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> IDENTITY = Set.of("id", "tenantId", "createdAt", "updatedAt");

    private static Object value(RecordComponent component, Product product) {
        try {
            return component.getAccessor().invoke(product);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code [母婴, 奶粉, 婴儿奶粉]}. */
    public List<String> categorySegments() {
        return Arrays.stream(categoryPath.split("/")).toList();
    }
}
