package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static io.vitrine.api.storefront.ShopFixture.VITAMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shopper's cart over HTTP (api.md "Storefront": POST/GET carts, PUT/DELETE items), embedded (H2, in-process
 * cache) and in cluster mode (MariaDB, Redis). The shop is {@link ShopFixture}'s, with freight 10.00 per order,
 * free from 1,000.00, and a second store S2 selling A2 and the duty-paid vitamins. Amounts are worked out by hand
 * from domain.md's rules (orders' PricingTest covers the rule itself).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CartsSuite {

    private final TenantsApi api;
    private ShopFixture shop;

    CartsSuite(RunningVitrine vitrine) {
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aShopWithFreightAndTwoStores() {
        shop = new ShopFixture(api);
        api.expect(200, api.put("/api/v1/tenant/settings", shop.token(),
                Map.of("freight", Map.of("flatFen", 1000, "freeAboveFen", 100000))));
        api.expect(201, api.post("/api/v1/stores", shop.token(), Map.of("code", "S2", "name", "Store 2", "kind",
                "CONVENIENCE_STORE", "address", "2 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        api.expect(200, api.put("/api/v1/stores/S2/assortment", shop.token(), Map.of("skus", List.of(A2, VITAMIN))));
    }

    @Test
    void a_cart_is_priced_live_with_freight_apportioned_and_tax_per_line() {
        HttpResponse<String> created = post("carts", Map.of("storeCode", "S1"));
        Map<String, Object> empty = api.expect(201, created);
        String cart = (String) empty.get("cartId");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(empty).containsEntry("storeCode", "S1").containsEntry("lines", List.of()).containsEntry("goodsValueFen", 0)
                .containsEntry("freightFen", 0).containsEntry("taxFen", 0).containsEntry("totalFen", 0)
                .containsKey("expiresAt");
        assertThat(cart).hasSize(43);

        put(cart, A2, 1);
        Map<String, Object> two = api.expect(200, put(cart, APTAMIL, 2));
        // goods 299.00 + 518.00; freight 10.00 shared by value: 3.66 and 6.34 -> dutiable 302.66 and 524.34;
        // tax 9.1% of each, rounded per line: 27.54 + 47.71
        assertThat(lines(two)).extracting(l -> l.get("sku") + " " + l.get("qty") + " " + l.get("unitPriceFen") + " "
                        + l.get("lineValueFen") + " " + l.get("taxFen") + " " + l.get("available"))
                .containsExactly(A2 + " 1 29900 29900 2754 true", APTAMIL + " 2 25900 51800 4771 true");
        assertThat(lines(two).get(0)).containsEntry("name", "澳洲 A2 婴儿配方奶粉 900g");
        assertAmounts(two, 81700, 1000, 7525, 90225);

        // past 1,000.00 the freight is waived; the cream (15% consumption tax) is taxed at 23.06%
        Map<String, Object> three = api.expect(200, put(cart, CREAM, 1));
        assertThat(lines(three)).extracting(l -> l.get("taxFen")).containsExactly(2721, 4714, 20292);
        assertAmounts(three, 169700, 0, 27727, 197427);

        api.expect(200, put(cart, APTAMIL, 0));
        Map<String, Object> one = api.expect(200, api.send("DELETE", path("carts/" + cart + "/items/" + CREAM), null, null));
        assertThat(lines(one)).extracting(l -> l.get("sku")).containsExactly(A2);
        // 299.00 + 10.00 freight, all of it on the one line: (29900 + 1000) × 9.1% = 28.12
        assertAmounts(one, 29900, 1000, 2812, 33712);
        assertThat(api.expect(200, get("carts/" + cart))).isEqualTo(one);
    }

    @Test
    void duty_paid_general_trade_lines_share_the_freight_but_carry_no_import_tax() {
        String cart = newCart("S2");
        put(cart, VITAMIN, 2);
        Map<String, Object> priced = api.expect(200, put(cart, A2, 1));

        // freight 10.00 over 98.00 and 299.00: 2.47 and 7.53; the vitamins' price already includes VAT
        assertThat(lines(priced)).extracting(l -> l.get("sku") + " " + l.get("lineValueFen") + " " + l.get("taxFen"))
                .containsExactly(VITAMIN + " 9800 0", A2 + " 29900 2789");
        assertAmounts(priced, 39700, 1000, 2789, 43489);
    }

    @Test
    void a_product_deleted_or_no_longer_sold_by_the_store_stays_in_the_cart_as_unavailable() {
        String gone = "GONE-" + System.nanoTime();
        shop.create(CatalogSamples.with(CatalogSamples.formula(gone, "WH-1"), "priceFen", 10000));
        api.expect(201, api.post("/api/v1/stores", shop.token(), Map.of("code", "S3", "name", "Store 3", "kind",
                "CONVENIENCE_STORE", "address", "3 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        api.expect(200, api.put("/api/v1/stores/S3/assortment", shop.token(), Map.of("skus", List.of(A2, APTAMIL, gone))));
        String cart = newCart("S3");
        put(cart, A2, 1);
        put(cart, APTAMIL, 1);
        api.expect(200, put(cart, gone, 3));

        api.expect(200, api.put("/api/v1/stores/S3/assortment", shop.token(), Map.of("skus", List.of(A2, gone))));
        assertThat(api.send("DELETE", "/api/v1/products/" + gone, shop.token(), null).statusCode()).isEqualTo(204);
        Map<String, Object> after = api.expect(200, get("carts/" + cart));

        assertThat(lines(after)).extracting(l -> l.get("sku") + " " + l.get("available") + " " + l.get("name") + " "
                        + l.get("unitPriceFen") + " " + l.get("lineValueFen") + " " + l.get("taxFen"))
                .containsExactly(A2 + " true 澳洲 A2 婴儿配方奶粉 900g 29900 29900 2812",
                        APTAMIL + " false 德国 爱他美 婴儿奶粉 800g 25900 null null",
                        gone + " false null null null null");
        assertAmounts(after, 29900, 1000, 2812, 33712);

        assertThat(problemCode(api.expectProblem(422, put(cart, APTAMIL, 2)))).isEqualTo("NOT_IN_ASSORTMENT");
        Map<String, Object> cleaned = api.expect(200, put(cart, gone, 0));
        assertThat(lines(cleaned)).extracting(l -> l.get("sku")).containsExactly(A2, APTAMIL);
    }

    @Test
    void a_refused_product_is_explained_in_the_shoppers_language() {
        String cart = newCart("S1");

        Map<String, Object> english = api.expectProblem(422, put(cart, VITAMIN, 1, "Accept-Language", "en"));
        assertThat(english).containsEntry("code", "NOT_IN_ASSORTMENT")
                .containsEntry("detail", "This store does not sell product " + VITAMIN + ".");
        assertThat(StorefrontSuite.fieldRules(english)).containsExactly("sku:NOT_IN_ASSORTMENT");
        Map<String, Object> chinese = api.expectProblem(422, put(cart, VITAMIN, 1, "Accept-Language", "zh-CN"));
        assertThat(chinese).containsEntry("code", "NOT_IN_ASSORTMENT")
                .containsEntry("detail", "本门店不销售商品 " + VITAMIN + "。");
        assertThat(api.expectProblem(422, put(cart, "NO-SUCH-SKU", 1, "Accept-Language", "zh-CN")))
                .containsEntry("code", "UNKNOWN_PRODUCT").containsEntry("detail", "本店没有商品 NO-SUCH-SKU。");
        assertThat(api.expectProblem(422, put(cart, "NO-SUCH-SKU", 1, "Accept-Language", "fr-FR")))
                .as("any other language: English").containsEntry("detail", "This shop has no product NO-SUCH-SKU.");
    }

    @Test
    void bad_input_is_refused_naming_field_and_rule_and_changes_nothing() {
        String cart = newCart("S1");
        Map<String, Object> before = api.expect(200, put(cart, A2, 2));

        assertThat(StorefrontSuite.fieldRules(api.expectProblem(400, put(cart, A2, -1)))).containsExactly("qty:QUANTITY_RANGE");
        assertThat(StorefrontSuite.fieldRules(api.expectProblem(400, put(cart, A2, 100)))).containsExactly("qty:QUANTITY_RANGE");
        assertThat(StorefrontSuite.fieldRules(api.expectProblem(400, put(cart, A2, 1.5)))).containsExactly("qty:WHOLE_NUMBER");
        assertThat(StorefrontSuite.fieldRules(api.expectProblem(400,
                api.put(path("carts/" + cart + "/items/" + A2), null, Map.of())))).containsExactly("qty:REQUIRED");
        assertThat(problemCode(api.expectProblem(422, put(cart, "NO-SUCH-SKU", 1)))).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(problemCode(api.expectProblem(422, put(cart, VITAMIN, 1)))).as("S1 does not sell it")
                .isEqualTo("NOT_IN_ASSORTMENT");
        assertThat(api.expect(200, get("carts/" + cart))).isEqualTo(before);

        assertThat(StorefrontSuite.fieldRules(api.expectProblem(400, post("carts", Map.of())))).containsExactly("storeCode:REQUIRED");
        assertThat(StorefrontSuite.fieldRules(api.expectProblem(400, post("carts", Map.of("storeCode", "NOPE")))))
                .containsExactly("storeCode:UNKNOWN_STORE");
        api.expectProblem(404, get("carts/" + "x".repeat(43)));
        api.expectProblem(404, get("carts/not-a-cart"));
        api.expectProblem(404, put("x".repeat(43), A2, 1));
        api.expectProblem(404, api.get("/s/no-such-shop-" + System.nanoTime() + "/api/carts/" + cart, null));
    }

    @Test
    void another_shop_finds_nothing_of_this_shops_cart() {
        String cart = newCart("S1");
        Map<String, Object> before = api.expect(200, put(cart, A2, 1));
        Merchant other = api.merchant(api.park());
        String elsewhere = "/s/" + other.slug() + "/api/carts/" + cart;

        api.expectProblem(404, api.get(elsewhere, null));
        api.expectProblem(404, api.put(elsewhere + "/items/" + A2, null, Map.of("qty", 5)));
        api.expectProblem(404, api.send("DELETE", elsewhere + "/items/" + A2, null, null));
        assertThat(api.expect(200, get("carts/" + cart))).isEqualTo(before);
    }

    @Test
    void concurrent_puts_on_one_cart_keep_every_line() throws Exception {
        List<String> skus = List.of(A2, APTAMIL, CREAM);
        for (int round = 0; round < 5; round++) {
            String cart = newCart("S1");
            ExecutorService pool = Executors.newFixedThreadPool(skus.size());
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> sent = new ArrayList<>();
                for (int i = 0; i < skus.size(); i++) {
                    String sku = skus.get(i);
                    int qty = i + 1;
                    sent.add(pool.submit(() -> {
                        go.await();
                        return put(cart, sku, qty);
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> response : sent) {
                    api.expect(200, response.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(lines(api.expect(200, get("carts/" + cart)))).extracting(l -> l.get("sku") + "x" + l.get("qty"))
                    .as("round %d", round).containsExactlyInAnyOrder(A2 + "x1", APTAMIL + "x2", CREAM + "x3");
        }
    }

    private String newCart(String store) {
        return (String) api.expect(201, post("carts", Map.of("storeCode", store))).get("cartId");
    }

    private HttpResponse<String> put(String cart, String sku, Number qty, String... headers) {
        return api.send("PUT", path("carts/" + cart + "/items/" + sku), null, Map.of("qty", qty), headers);
    }

    private HttpResponse<String> post(String relative, Object body) {
        return api.post(path(relative), null, body);
    }

    private HttpResponse<String> get(String relative) {
        return api.get(path(relative), null);
    }

    private String path(String relative) {
        return "/s/" + shop.slug() + "/api/" + relative;
    }

    private static void assertAmounts(Map<String, Object> cart, long goods, long freight, long tax, long total) {
        assertThat(cart).containsEntry("goodsValueFen", (int) goods).containsEntry("freightFen", (int) freight)
                .containsEntry("insuranceFen", 0).containsEntry("discountFen", 0).containsEntry("taxFen", (int) tax)
                .containsEntry("totalFen", (int) total);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> cart) {
        return (List<Map<String, Object>>) cart.get("lines");
    }

    private static String problemCode(Map<String, Object> problem) {
        return (String) problem.get("code");
    }
}
