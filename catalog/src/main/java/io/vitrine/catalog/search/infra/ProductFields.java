package io.vitrine.catalog.search.infra;

import java.util.List;

/** Field names of a product in either engine's index (one schema: see {@link ProductIndexEntry}). */
final class ProductFields {

    static final String ID = "id";
    static final String TENANT = "tenant";
    static final String SKU = "sku";
    static final String GTIN = "gtin";
    static final String BRAND = "brand";
    /** every ancestor path: 母婴, 母婴/奶粉, 母婴/奶粉/婴儿奶粉 — a subtree filter is one term */
    static final String CATEGORY = "category";
    static final String ORIGIN = "origin";
    static final String TRADE_MODE = "trade_mode";
    static final String STORES = "stores";
    static final String IN_STOCK_AT = "in_stock_at";

    static final String NAME_TEXT = "name_text";
    static final String NAME_PINYIN = "name_pinyin";
    static final String NAME_INITIALS = "name_initials";
    static final String BRAND_TEXT = "brand_text";
    static final String BRAND_PINYIN = "brand_pinyin";
    static final String BRAND_INITIALS = "brand_initials";
    static final String DESCRIPTION_TEXT = "description_text";
    /** sku and gtin as typed (lower case) */
    static final String CODES = "codes";
    static final String SUGGEST = "suggest";

    static final String PRICE = "price_fen";
    static final String TAX = "tax_fen";
    static final String CREATED = "created_at";

    /** shown in hits only */
    static final String NAME_ZH = "name_zh";
    static final String NAME_EN = "name_en";
    static final String IMAGE_URL = "image_url";

    /** searchable keyword fields */
    static final List<String> KEYWORDS = List.of(ID, TENANT, SKU, GTIN, BRAND, CATEGORY, ORIGIN, TRADE_MODE, STORES,
            IN_STOCK_AT, NAME_TEXT, NAME_PINYIN, NAME_INITIALS, BRAND_TEXT, BRAND_PINYIN, BRAND_INITIALS,
            DESCRIPTION_TEXT, CODES, SUGGEST);
    /** keyword fields that are also counted (facets, suggestions) */
    static final List<String> COUNTED = List.of(BRAND, CATEGORY, ORIGIN, TRADE_MODE, SUGGEST);
    static final List<String> NUMBERS = List.of(PRICE, TAX, CREATED);
    static final List<String> SHOWN_ONLY = List.of(NAME_ZH, NAME_EN, IMAGE_URL);

    private ProductFields() {
    }
}
