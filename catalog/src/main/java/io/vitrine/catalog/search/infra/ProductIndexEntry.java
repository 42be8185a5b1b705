package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * A {@link SearchDocument} analysed once into what both engines store: keyword fields with their exact
 * tokens, numbers, and texts shown in hits.
 */
record ProductIndexEntry(String id, Map<String, List<String>> keywords, Map<String, Long> numbers,
                         Map<String, String> shown) {

    static String idOf(TenantId tenant, String sku) {
        // a tenant id never contains '/' (TenantId's form), so the id is unambiguous
        return tenant.value() + "/" + sku;
    }

    static ProductIndexEntry of(SearchDocument d) {
        Map<String, List<String>> k = new LinkedHashMap<>();
        String id = idOf(d.tenant(), d.sku());
        put(k, ID, List.of(id));
        put(k, TENANT, List.of(d.tenant().value()));
        put(k, SKU, List.of(d.sku()));
        put(k, GTIN, d.gtin() == null ? List.of() : List.of(d.gtin()));
        put(k, BRAND, d.brand() == null || d.brand().isBlank() ? List.of() : List.of(d.brand().strip()));
        put(k, CATEGORY, ancestorPaths(d.categoryPath()));
        put(k, ORIGIN, d.originCountry() == null ? List.of() : List.of(d.originCountry()));
        put(k, TRADE_MODE, d.tradeMode() == null ? List.of() : List.of(d.tradeMode()));
        put(k, STORES, List.copyOf(d.storeCodes()));
        put(k, IN_STOCK_AT, List.copyOf(d.inStockWarehouses()));
        put(k, NAME_TEXT, CatalogText.textTokens(d.nameZh(), d.nameEn()));
        put(k, NAME_PINYIN, CatalogText.pinyinTokens(d.nameZh()));
        put(k, NAME_INITIALS, CatalogText.initialsTokens(d.nameZh()));
        put(k, BRAND_TEXT, CatalogText.textTokens(d.brand()));
        put(k, BRAND_PINYIN, CatalogText.pinyinTokens(d.brand()));
        put(k, BRAND_INITIALS, CatalogText.initialsTokens(d.brand()));
        put(k, DESCRIPTION_TEXT, CatalogText.textTokens(d.descriptionZh(), d.descriptionEn()));
        List<String> codes = new ArrayList<>();
        codes.add(d.sku().toLowerCase(Locale.ROOT));
        if (d.gtin() != null) {
            codes.add(d.gtin());
        }
        put(k, CODES, codes);
        List<String> completions = new ArrayList<>();
        completions.add(d.brand());
        completions.addAll(d.categoryPath());
        completions.add(d.nameZh());
        put(k, SUGGEST, SuggestKeys.entries(completions));

        Map<String, Long> numbers = new LinkedHashMap<>();
        numbers.put(PRICE, d.priceFen());
        numbers.put(TAX, d.taxFen());
        numbers.put(CREATED, d.createdAt().toEpochMilli());

        Map<String, String> shown = new LinkedHashMap<>();
        shown.put(NAME_ZH, d.nameZh());
        shown.put(NAME_EN, d.nameEn());
        shown.put(IMAGE_URL, d.imageUrl());
        return new ProductIndexEntry(id, k, numbers, shown);
    }

    private static void put(Map<String, List<String>> keywords, String field, java.util.Collection<String> values) {
        keywords.put(field, List.copyOf(values instanceof Set<String> s ? new ArrayList<>(s) : values));
    }

    private static List<String> ancestorPaths(List<String> segments) {
        List<String> paths = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment.strip());
            paths.add(path.toString());
        }
        return paths;
    }
}
