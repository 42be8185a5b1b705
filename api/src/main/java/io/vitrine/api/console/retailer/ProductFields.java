package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.api.console.FormBody;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductForm;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The product form's fields as typed (numbers as text), shown again when the form is refused; read from the
 * whole body ({@link FormBody}). The price is typed
 * in yuan ({@code price}, "299.00") and sent to the catalog in fen. Images are not edited here: an update keeps the
 * product's own.
 */
public record ProductFields(@Nullable String sku, @Nullable String gtin, @Nullable String nameZh,
                            @Nullable String nameEn, @Nullable String brand, @Nullable String categoryPath,
                            @Nullable String hsCode, @Nullable String itemRecordNo, @Nullable String originCountry,
                            @Nullable String unit, @Nullable String unit1, @Nullable String qty1PerUnit,
                            @Nullable String unit2, @Nullable String qty2PerUnit, @Nullable String grossWeightKg,
                            @Nullable String netWeightKg, @Nullable String vatRate, @Nullable String consumptionTaxRate,
                            @Nullable String mfnTariffRate, @Nullable String tradeMode, @Nullable String warehouseCode,
                            @Nullable String price, @Nullable String descriptionZh, @Nullable String descriptionEn) {

    static ProductFields of(Product p) {
        return new ProductFields(p.sku(), p.gtin(), p.nameZh(), p.nameEn(), p.brand(), p.categoryPath(), p.hsCode(),
                p.itemRecordNo(), p.originCountry(), p.unit(), p.unit1(), plain(p.qty1PerUnit()), p.unit2(),
                plain(p.qty2PerUnit()), plain(p.grossWeightKg()), plain(p.netWeightKg()), plain(p.vatRate()),
                plain(p.consumptionTaxRate()), plain(p.mfnTariffRate()), p.tradeMode().code(), p.warehouseCode(),
                p.price().toPlainString(), p.descriptionZh(), p.descriptionEn());
    }

    /** The form as sent ({@link FormBody}: the product form is long, see there). */
    static ProductFields of(FormBody form) {
        return new ProductFields(form.first("sku"), form.first("gtin"), form.first("nameZh"), form.first("nameEn"),
                form.first("brand"), form.first("categoryPath"), form.first("hsCode"), form.first("itemRecordNo"),
                form.first("originCountry"), form.first("unit"), form.first("unit1"), form.first("qty1PerUnit"),
                form.first("unit2"), form.first("qty2PerUnit"), form.first("grossWeightKg"), form.first("netWeightKg"),
                form.first("vatRate"), form.first("consumptionTaxRate"), form.first("mfnTariffRate"),
                form.first("tradeMode"), form.first("warehouseCode"), form.first("price"), form.first("descriptionZh"),
                form.first("descriptionEn"));
    }

    /** The same fields with the SKU the page's address names (an edit form does not send it). */
    ProductFields withSku(String fixedSku) {
        return new ProductFields(fixedSku, gtin, nameZh, nameEn, brand, categoryPath, hsCode, itemRecordNo,
                originCountry, unit, unit1, qty1PerUnit, unit2, qty2PerUnit, grossWeightKg, netWeightKg, vatRate,
                consumptionTaxRate, mfnTariffRate, tradeMode, warehouseCode, price, descriptionZh, descriptionEn);
    }

    /**
     * The catalog's form. Only what is not a number is refused here (InvalidInputException, on the field): every
     * other rule is {@code ProductValidation}'s, which answers all its failures at once.
     */
    ProductForm toForm(List<String> images) {
        FieldChecks checks = new FieldChecks();
        BigDecimal qty1 = decimal(checks, "qty1PerUnit", qty1PerUnit);
        BigDecimal qty2 = decimal(checks, "qty2PerUnit", qty2PerUnit);
        BigDecimal gross = decimal(checks, "grossWeightKg", grossWeightKg);
        BigDecimal net = decimal(checks, "netWeightKg", netWeightKg);
        BigDecimal vat = decimal(checks, "vatRate", vatRate);
        BigDecimal consumption = decimal(checks, "consumptionTaxRate", consumptionTaxRate);
        BigDecimal mfn = decimal(checks, "mfnTariffRate", mfnTariffRate);
        Long fen = fen(checks, price);
        checks.throwIfAny();
        return new ProductForm(sku, gtin, nameZh, nameEn, brand, categoryPath, hsCode, itemRecordNo, originCountry,
                unit, unit1, qty1, unit2, qty2, gross, net, vat, consumption, mfn, tradeMode, warehouseCode, fen, images,
                descriptionZh, descriptionEn);
    }

    @Nullable
    private static BigDecimal decimal(FieldChecks checks, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return checks.fail(field, "DECIMAL_FORM", "a decimal number, e.g. 0.13");
        }
    }

    /** Yuan as typed, in fen; the catalog's own rules (more than 0, at most 1,000,000 yuan) come after. */
    @Nullable
    private static Long fen(FieldChecks checks, @Nullable String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return Money.parse(yuan).fen();
        } catch (InvalidInputException notAnAmount) {
            return checks.fail("priceFen", "PRICE_FORM", "a price in yuan with at most two decimals, e.g. 299.00");
        }
    }

    @Nullable
    private static String plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
