package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static io.vitrine.api.storefront.ShopFixture.VITAMIN;
import static io.vitrine.api.storefront.ShopFixture.skus;
import static io.vitrine.api.tenants.TenantsApi.items;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shopper's storefront API (api.md "Storefront": search, suggest, products, barcode) over HTTP, run
 * embedded (H2, Lucene) and in cluster mode (MariaDB, Redis, Elasticsearch): one shop of four products.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorefrontSuite {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private ShopFixture shop;

    StorefrontSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aShopWithFourProducts() {
        shop = new ShopFixture(api);
    }

    @Test
    void a_shopper_finds_products_by_text_with_price_tax_and_facets() {
        HttpResponse<String> response = get("search?q=" + encode("奶粉"));
        Map<String, Object> found = api.expect(200, response);

        assertThat(response.headers().firstValue(StorefrontController.DEGRADED)).isEmpty();
        assertThat(found.get("total")).isEqualTo(2);
        assertThat(skus(found)).containsExactlyInAnyOrder(A2, APTAMIL);
        Map<String, Object> a2 = items(found).stream().filter(i -> i.get("sku").equals(A2)).findFirst().orElseThrow();
        assertThat(a2).containsEntry("name", "澳洲 A2 婴儿配方奶粉 900g").containsEntry("nameEn", "A2 infant formula 900g")
                .containsEntry("brand", "a2").containsEntry("priceFen", 29900).containsEntry("taxFen", 2721)
                .containsEntry("priceWithTaxFen", 32621).containsEntry("imageUrl", null)
                .containsEntry("inStock", true); // 5 at WH-1: in stock somewhere, as no store was named
        assertThat(items(found).stream().filter(i -> i.get("sku").equals(APTAMIL)).findFirst().orElseThrow())
                .containsEntry("inStock", false);
        Map<String, Object> facets = object(found, "facets");
        assertThat(facetValues(facets, "brand")).containsExactlyInAnyOrder("a2:1", "Aptamil:1");
        assertThat(facetValues(facets, "category")).containsExactly("母婴:2");
        assertThat(facetValues(facets, "origin")).containsExactlyInAnyOrder("601:1", "304:1");
        assertThat(facetValues(facets, "tradeMode")).containsExactly("1210:2");
        assertThat(list(facets, "price")).extracting(p -> p.get("fromFen") + "-" + p.get("toFen") + ":" + p.get("count"))
                .containsExactly("20000-50000:2");
    }

    @Test
    void filters_sorts_and_pages_narrow_and_order_the_hits() {
        assertThat(skus(search("brand=a2"))).containsExactly(A2);
        assertThat(skus(search("category=" + encode("母婴")))).containsExactlyInAnyOrder(A2, APTAMIL);
        assertThat(skus(search("origin=116"))).containsExactly(VITAMIN);
        assertThat(skus(search("tradeMode=GENERAL"))).containsExactly(VITAMIN);
        assertThat(skus(search("priceMinFen=25900&priceMaxFen=29900"))).containsExactlyInAnyOrder(A2, APTAMIL);
        assertThat(skus(search("sort=price_asc"))).containsExactly(VITAMIN, APTAMIL, A2, CREAM);
        assertThat(skus(search("sort=price_desc"))).containsExactly(CREAM, A2, APTAMIL, VITAMIN);
        Map<String, Object> second = search("sort=price_asc&page=1&size=3");
        assertThat(second.get("total")).isEqualTo(4);
        assertThat(skus(second)).containsExactly(CREAM);

        Map<String, Object> first = search("sort=price_desc&size=2");
        assertThat(skus(first)).containsExactly(CREAM, A2);
        Map<String, Object> next = search("sort=price_desc&size=2&cursor=" + first.get("nextCursor"));
        assertThat(skus(next)).containsExactly(APTAMIL, VITAMIN);
        assertThat(next.get("nextCursor")).isNull();
        Map<String, Object> atStore = search("store=S1&sort=price_asc");
        assertThat(skus(atStore)).as("the store's assortment").containsExactly(APTAMIL, A2, CREAM);
        assertThat(items(atStore)).extracting(i -> i.get("inStock")).containsExactly(false, true, false);
        assertThat(skus(search("store=S1&inStock=true"))).containsExactly(A2);
    }

    @Test
    void bad_parameters_are_refused_naming_each_parameter_and_its_rule() {
        Map<String, Object> problem = api.expectProblem(400, get("search?priceMinFen=abc&priceMaxFen=-1&tradeMode=9710"
                + "&sort=cheapest&size=201&page=-1&inStock=yes&origin=AU&category=" + encode("母婴//奶粉")));
        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("priceMinFen:WHOLE_NUMBER", "priceMaxFen:NOT_NEGATIVE",
                "tradeMode:TRADE_MODE", "sort:SORT", "size:PAGE_SIZE_RANGE", "page:PAGE_RANGE", "inStock:BOOLEAN",
                "origin:COUNTRY_CODE_FORM", "category:CATEGORY_PATH_FORM");
        assertThat(fieldRules(api.expectProblem(400, get("search?inStock=true")))).containsExactly("inStock:STORE_REQUIRED");
        assertThat(fieldRules(api.expectProblem(400, get("search?store=NOPE")))).containsExactly("store:UNKNOWN_STORE");
        assertThat(fieldRules(api.expectProblem(400, get("search?priceMinFen=500&priceMaxFen=100"))))
                .containsExactly("priceMaxFen:PRICE_RANGE");
        assertThat(fieldRules(api.expectProblem(400, get("search?page=50&size=200")))).containsExactly("page:PAGE_TOO_DEEP");
        assertThat(fieldRules(api.expectProblem(400, get("search?q=" + "x".repeat(101))))).containsExactly("q:TOO_LONG");
        api.expectProblem(400, get("search?cursor=not-a-cursor"));
        assertThat(fieldRules(api.expectProblem(400, get("suggest?q=" + "x".repeat(101))))).containsExactly("q:TOO_LONG");
    }

    @Test
    void suggestions_complete_chinese_full_pinyin_and_initials() {
        for (String typed : List.of("奶", "naif", "nf")) {
            Map<String, Object> suggested = api.expect(200, get("suggest?q=" + encode(typed)));
            assertThat(strings(suggested)).as(typed).contains("奶粉").hasSizeLessThanOrEqualTo(10);
        }
        assertThat(strings(api.expect(200, get("suggest?q=")))).isEmpty();
    }

    @Test
    void product_detail_by_sku_or_barcode_shows_price_tax_and_shopper_fields_only() {
        HttpResponse<String> response = get("products/" + A2);
        Map<String, Object> detail = api.expect(200, response);

        assertThat(detail).containsEntry("sku", A2).containsEntry("gtin", shop.gtin(A2))
                .containsEntry("name", "澳洲 A2 婴儿配方奶粉 900g").containsEntry("nameEn", "A2 infant formula 900g")
                .containsEntry("brand", "a2").containsEntry("categoryPath", "母婴/奶粉/婴儿奶粉")
                .containsEntry("originCountry", "601").containsEntry("tradeMode", "1210").containsEntry("priceFen", 29900)
                .containsEntry("taxFen", 2721).containsEntry("priceWithTaxFen", 32621)
                .containsEntry("descriptionZh", "适合 0-6 个月婴儿").containsEntry("stock", null)
                .containsKey("positiveList").containsKey("comprehensiveTaxRate");
        assertThat(detail).doesNotContainKeys("itemRecordNo", "hsCode", "vatRate", "consumptionTaxRate",
                "mfnTariffRate", "warehouseCode", "grossWeightKg", "createdAt");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = vitrine.get(path("products/" + A2), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        api.expect(200, api.put("/api/v1/products/" + A2, shop.token(), CatalogSamples.with(shop.products.get(A2), "priceFen", 29800)));
        HttpResponse<String> changed = vitrine.get(path("products/" + A2), "If-None-Match", etag);
        assertThat(changed.statusCode()).as("a changed product is sent again").isEqualTo(200);
        assertThat(api.json(changed)).containsEntry("priceFen", 29800);
        api.expect(200, api.put("/api/v1/products/" + A2, shop.token(), shop.products.get(A2)));

        Map<String, Object> scanned = api.expect(200, get("barcode/" + shop.gtin(VITAMIN)));
        assertThat(scanned).containsEntry("sku", VITAMIN).containsEntry("tradeMode", "GENERAL").containsEntry("taxFen", 0)
                .containsEntry("priceWithTaxFen", 4900);

        HttpResponse<String> atStore = get("products/" + A2 + "?store=S1");
        assertThat(object(api.expect(200, atStore), "stock")).containsEntry("storeCode", "S1")
                .containsEntry("available", 5).containsEntry("inStock", true);
        assertThat(object(api.expect(200, get("products/" + CREAM + "?store=S1")), "stock"))
                .containsEntry("available", 0).containsEntry("inStock", false);
        assertThat(atStore.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(fieldRules(api.expectProblem(400, get("products/" + A2 + "?store=NOPE")))).containsExactly("store:UNKNOWN_STORE");
        api.expectProblem(404, get("products/NO-SUCH-SKU"));
        assertThat(fieldRules(api.expectProblem(400, get("barcode/6901234567890")))).containsExactly("gtin:GTIN_CHECK_DIGIT");
        api.expectProblem(404, get("barcode/" + CatalogSamples.gtin()));
    }

    @Test
    void an_unknown_or_suspended_shop_or_another_shops_product_is_not_found() {
        ShopFixture other = new ShopFixture(api);

        api.expectProblem(404, vitrine.get("/s/no-such-shop/api/search?q=" + encode("奶粉")));
        api.expectProblem(404, vitrine.get("/s/no-such-shop/api/products/" + A2));
        assertThat(skus(search("q=" + encode("奶粉")))).containsExactlyInAnyOrder(A2, APTAMIL);
        api.expectProblem(404, get("barcode/" + other.gtin(A2)));
        assertThat(api.expect(200, vitrine.get("/s/" + other.slug() + "/api/barcode/" + other.gtin(A2))))
                .containsEntry("sku", A2);
        assertThat(api.expect(200, get("search?q=" + other.gtin(A2))).get("total")).isEqualTo(0);

        String member = "/api/v1/parks/" + other.park.slug() + "/tenants/" + other.slug();
        api.expect(200, api.post(member + "/suspend", other.park.admin().token(), Map.of("reason", "test")));
        api.expectProblem(404, vitrine.get("/s/" + other.slug() + "/api/search?q=a2"));
        api.expectProblem(404, vitrine.get("/s/" + other.slug() + "/api/products/" + A2));
        api.expect(200, api.post(member + "/reinstate", other.park.admin().token(), Map.of("reason", "test")));
        api.expect(200, vitrine.get("/s/" + other.slug() + "/api/products/" + A2));
    }

    private Map<String, Object> search(String query) {
        return api.expect(200, get("search?" + query));
    }

    private HttpResponse<String> get(String relative) {
        return vitrine.get(path(relative));
    }

    private String path(String relative) {
        return "/s/" + shop.slug() + "/api/" + relative;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Map<String, Object> listing) {
        return (List<String>) listing.get("items");
    }

    static List<String> facetValues(Map<String, Object> facets, String facet) {
        return list(facets, facet).stream().map(f -> f.get("value") + ":" + f.get("count")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> fieldRules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(e -> e.get("field") + ":" + e.get("rule")).toList();
    }
}
