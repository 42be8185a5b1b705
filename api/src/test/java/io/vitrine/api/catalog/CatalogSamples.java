package io.vitrine.api.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Products as a retailer admin would send them, with unique valid barcodes. */
public final class CatalogSamples {

    /** On the positive list in the tests that upload one: infant formula, and a cosmetics code. */
    public static final String FORMULA_HS = "1901101000";
    public static final String COSMETICS_HS = "3304990099";

    private static final AtomicLong BARCODES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private CatalogSamples() {
    }

    /** A bonded (1210) tin of infant formula from Australia at 299.00, 13% VAT: tax 27.21. */
    public static Map<String, Object> formula(String sku, String warehouse) {
        Map<String, Object> product = new HashMap<>();
        product.put("sku", sku);
        product.put("gtin", gtin());
        product.put("nameZh", "澳洲 A2 婴儿配方奶粉 900g");
        product.put("nameEn", "A2 infant formula 900g");
        product.put("brand", "a2");
        product.put("categoryPath", "母婴/奶粉/婴儿奶粉");
        product.put("hsCode", FORMULA_HS);
        product.put("itemRecordNo", "100001");
        product.put("originCountry", "601");
        product.put("unit", "122");
        product.put("unit1", "035");
        product.put("qty1PerUnit", 0.9);
        product.put("grossWeightKg", 1.2);
        product.put("netWeightKg", 0.9);
        product.put("vatRate", 0.13);
        product.put("consumptionTaxRate", 0);
        product.put("mfnTariffRate", 0.15);
        product.put("tradeMode", "1210");
        product.put("warehouseCode", warehouse);
        product.put("priceFen", 29900);
        product.put("descriptionZh", "适合 0-6 个月婴儿");
        product.put("descriptionEn", "For babies of 0-6 months");
        return product;
    }

    /** An EAN-13 nobody used yet in this run, with its check digit. */
    public static String gtin() {
        String body = "69" + String.format("%010d", BARCODES.incrementAndGet() % 10_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    public static Map<String, Object> with(Map<String, Object> product, Object... keyValues) {
        Map<String, Object> changed = new HashMap<>(product);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                changed.remove((String) keyValues[i]);
            } else {
                changed.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return changed;
    }
}
