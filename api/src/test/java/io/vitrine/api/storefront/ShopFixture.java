package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchUnavailableException;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.catalog.CatalogSamples.formula;
import static io.vitrine.api.catalog.CatalogSamples.with;

/**
 * A shop for storefront tests, set up through the API: a park with warehouse WH-1, a merchant with store S1
 * and four products of different brands, categories, origins, trade modes and prices; 5 units of A2 in stock at
 * WH-1 (none of the others); S1 shows A2, Aptamil and the cream. All of it in the search index.
 */
final class ShopFixture {

    static final String A2 = "A2-FORMULA";          // 奶粉, a2, 601, 1210, 299.00 (+27.21 tax)
    static final String APTAMIL = "APT-FORMULA";    // 奶粉, Aptamil, 304, 1210, 259.00
    static final String CREAM = "LANCOME-CREAM";    // 美妆, Lancôme, 305, 9610, 880.00
    static final String VITAMIN = "DHC-VITAMIN";    // 保健, DHC, 116, GENERAL, 49.00

    final TenantsApi api;
    final Park park;
    final Merchant merchant;
    final Map<String, Map<String, Object>> products = new LinkedHashMap<>();

    ShopFixture(TenantsApi api) {
        this.api = api;
        this.park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "WH-1", "name", "Bonded 1", "emsNo", "T5349W9", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        this.merchant = api.merchant(park);
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", "S1", "name", "Store 1", "kind",
                "EXPERIENCE_STORE", "address", "1 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        create(formula(A2, "WH-1"));
        create(with(formula(APTAMIL, "WH-1"), "nameZh", "德国 爱他美 婴儿奶粉 800g", "nameEn", "Aptamil infant formula",
                "brand", "Aptamil", "originCountry", "304", "priceFen", 25900));
        create(with(formula(CREAM, "WH-1"), "nameZh", "兰蔻 菁纯 面霜 50ml", "nameEn", "Absolue cream", "brand", "Lancôme",
                "categoryPath", "美妆/面部护理", "hsCode", CatalogSamples.COSMETICS_HS, "originCountry", "305",
                "tradeMode", "9610", "itemRecordNo", null, "consumptionTaxRate", 0.15, "priceFen", 88000,
                "descriptionZh", "滋润 修护"));
        create(with(formula(VITAMIN, "WH-1"), "nameZh", "日本 维生素C 片", "nameEn", "Vitamin C tablets", "brand", "DHC",
                "categoryPath", "保健/维生素", "originCountry", "116", "tradeMode", "GENERAL", "itemRecordNo", null,
                "priceFen", 4900));
        // the search feed holds the products' rows while it writes the index: on a cold, busy machine the first
        // writes outlast H2's 2 s lock wait, so each next change of those rows waits for the index first
        awaitIndexed(products.size());
        api.expect(200, api.put("/api/v1/stock/WH-1/" + A2, token(), Map.of("quantity", 5)));
        awaitIndexed(SearchQuery.builder().inStockAtWarehouse("WH-1").build(), 1);
        api.expect(200, api.put("/api/v1/stores/S1/assortment", token(), Map.of("skus", List.of(A2, APTAMIL, CREAM))));
        awaitIndexed(SearchQuery.builder().store("S1").inStockAtWarehouse("WH-1").build(), 1);
        awaitIndexed(SearchQuery.builder().store("S1").build(), 3);
    }

    String slug() {
        return merchant.slug();
    }

    TenantId tenant() {
        return TenantId.of(merchant.id());
    }

    String token() {
        return merchant.admin().token();
    }

    String gtin(String sku) {
        return (String) products.get(sku).get("gtin");
    }

    Map<String, Object> create(Map<String, Object> product) {
        Map<String, Object> sent = new HashMap<>(product);
        api.expect(201, api.post("/api/v1/products", token(), sent));
        products.put((String) sent.get("sku"), sent);
        return sent;
    }

    /** Waits until the index holds {@code count} products of the shop; the bound only stops a broken feed. */
    void awaitIndexed(long count) {
        awaitIndexed(SearchQuery.builder().build(), count);
    }

    private void awaitIndexed(SearchQuery query, long count) {
        CatalogSearch search = api.vitrine().bean(CatalogSearch.class);
        for (int i = 0; i < 400; i++) {
            try {
                if (search.search(tenant(), query).total() == count) {
                    return;
                }
            } catch (SearchUnavailableException justCreated) {
                // a first search right after the adapter created the live index may find its shard not started
            }
            pause();
        }
        throw new AssertionError("the index never held " + count + " products of " + slug() + " for " + query);
    }

    static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> skus(Map<String, Object> listing) {
        return TenantsApi.items(listing).stream().map(item -> (String) item.get("sku")).toList();
    }
}
