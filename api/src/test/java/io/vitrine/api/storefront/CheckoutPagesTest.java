package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchUnavailableException;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout pages over HTTP (issue #5 "Pages"): the kiosk's cart, checkout form and QR payment screen, the phone's
 * cart, checkout, order status and lookup pages, each a 200 page with what its script needs; the kiosk's payment
 * screen draws the posted Alipay QR code; unknown shops, other shops' stores and malformed order numbers are 404
 * pages; nothing inline for a strict Content-Security-Policy.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutPagesTest {

    private static final String QR_TEXT = "https://qr.alipay.com/bax08431ovhdtyhvxyzk00a5";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private TenantsApi.Park park;
    private Merchant merchant;

    CheckoutPagesTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    /** A shop with store S1 that shows A2 (no stock, no search needed: these pages read neither). */
    @BeforeAll
    void aShopWithAStore() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "WH-1", "name", "Bonded 1", "emsNo", "T5349W9", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        String token = merchant.admin().token();
        api.expect(201, api.post("/api/v1/stores", token, Map.of("code", "S1", "name", "Store 1", "kind",
                "EXPERIENCE_STORE", "address", "1 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        api.expect(201, api.post("/api/v1/products", token, CatalogSamples.formula(A2, "WH-1")));
        awaitIndexed();
        api.expect(200, api.put("/api/v1/stores/S1/assortment", token, Map.of("skus", List.of(A2))));
    }

    /**
     * The search feed holds the new product's row while it writes the index (catalog SearchIndexFeed); on a cold,
     * busy machine that first write outlasts H2's 2 s lock wait, so the next change of the product waits for it.
     */
    private void awaitIndexed() {
        CatalogSearch search = vitrine.bean(CatalogSearch.class);
        for (int i = 0; i < 800; i++) {
            try {
                if (search.search(TenantId.of(merchant.id()), SearchQuery.builder().build()).total() == 1) {
                    return;
                }
            } catch (SearchUnavailableException justCreated) {
                // the live index's first search may come before its shard started
            }
            ShopFixture.pause();
        }
        throw new AssertionError("A2 never reached the index");
    }

    private String slug() {
        return merchant.slug();
    }

    @Test
    void the_kiosk_product_page_adds_to_the_stores_cart_and_links_to_it() {
        String product = page(200, kiosk("/p/" + A2));
        assertThat(product).contains("data-testid=\"add-to-cart\"").contains("data-sku=\"" + A2 + "\"")
                .contains("data-store=\"S1\"").contains("data-cart-key=\"vitrine.cart." + slug() + ".kiosk.S1\"")
                .contains("data-carts-api=\"/s/" + slug() + "/api/carts\"")
                .contains("href=\"/s/" + slug() + "/kiosk/S1/cart\"").contains("/static/js/cart.js");
        // the home screen has the cart button too
        assertThat(page(200, kiosk(""))).contains("data-testid=\"cart-link\"");
    }

    @Test
    void the_kiosk_cart_is_a_frame_for_the_cart_script_with_the_amounts_and_the_way_to_checkout() {
        String cart = page(200, kiosk("/cart") + "?lang=en");
        assertThat(cart).contains("data-testid=\"cart\"").contains("data-testid=\"cart-lines\"")
                .contains("data-testid=\"amount-goods\"").contains("data-testid=\"amount-freight\"")
                .contains("data-testid=\"amount-tax\"").contains("data-testid=\"amount-total\"")
                .contains("href=\"/s/" + slug() + "/kiosk/S1/checkout\"").contains("Your cart is empty.")
                .contains("data-idle-seconds=\"90\"").contains("/static/js/kiosk.js");
        assertThat(page(200, kiosk("/cart") + "?lang=zh-CN")).contains("购物车是空的。");
    }

    @Test
    void the_kiosk_checkout_asks_the_buyer_consignee_and_consent_in_both_languages() {
        String form = page(200, kiosk("/checkout") + "?lang=en");
        for (String field : List.of("buyer.name", "buyer.idNumber", "buyer.phone", "consignee.name", "consignee.phone",
                "consignee.districtCode", "consignee.address")) {
            assertThat(form).as(field).contains("name=\"" + field + "\"").contains("data-testid=\"error-" + field + "\"");
        }
        assertThat(form).contains("data-pay-method=\"ALIPAY_QR\"").contains("data-testid=\"consignee-is-buyer\"")
                .contains("data-payment-href=\"/s/" + slug() + "/kiosk/S1/pay\"")
                .contains("data-orders-api=\"/s/" + slug() + "/api/orders\"")
                .containsPattern("<input type=\"checkbox\" name=\"consent\"[^>]* required")
                .contains("sent to China Customs and to the payment company (Alipay)")
                .contains("/static/js/checkout.js");
        assertThat(page(200, kiosk("/checkout") + "?lang=zh-CN")).contains("提供给中国海关及支付公司（支付宝）")
                .contains("收货人即订购人");
    }

    @Test
    void the_kiosk_payment_screen_draws_the_posted_qr_code_and_follows_the_order() {
        Instant expiry = Instant.parse("2030-01-01T08:15:00Z");
        HttpResponse<String> screen = pay(Map.of("orderNo", "VT20300101-0001", "orderToken", "tok_abc-123",
                "qrCode", QR_TEXT, "expiresAt", "2030-01-01T16:15:00+08:00"));
        assertThat(screen.statusCode()).as(screen.body()).isEqualTo(200);
        String html = screen.body();
        assertThat(QrDecoding.fromPage(html)).isEqualTo(QR_TEXT);
        assertThat(html).contains("data-order-api=\"/s/" + slug() + "/api/orders/VT20300101-0001\"")
                .contains("data-token=\"tok_abc-123\"").contains("data-expires-at=\"" + expiry.toEpochMilli() + "\"")
                .contains("data-testid=\"result-paid\"").contains("data-testid=\"result-closed\"")
                .contains("/static/js/payment.js")
                // the embedded mode's Alipay sandbox is on by default (vitrine.payments.alipay.sandbox.enabled)
                .contains("data-testid=\"sandbox-pay\"");
    }

    @Test
    void a_malformed_payment_form_is_refused_field_by_field() {
        HttpResponse<String> refused = pay(Map.of("orderNo", "<script>", "qrCode", "x".repeat(600),
                "expiresAt", "tomorrow"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"orderNo\"").contains("\"field\":\"orderToken\"")
                .contains("\"field\":\"qrCode\"").contains("\"field\":\"expiresAt\"").doesNotContain("<script>");
    }

    @Test
    void the_phone_pages_cart_checkout_order_and_lookup() {
        String base = "/s/" + slug();
        assertThat(page(200, base + "/cart")).contains("data-testid=\"cart\"")
                .contains("data-cart-key=\"vitrine.cart." + slug() + "\"").contains("href=\"" + base + "/checkout\"");
        String checkout = page(200, base + "/checkout?lang=en");
        assertThat(checkout).contains("data-pay-method=\"ALIPAY_WAP\"").contains("name=\"consignee.name\"")
                .doesNotContain("consignee-is-buyer").contains("sent to China Customs");
        // the product page of a store's product offers the cart; without a store it cannot (carts are per store)
        assertThat(page(200, base + "/p/" + A2 + "?store=S1")).contains("data-testid=\"add-to-cart\"");
        assertThat(page(200, base + "/p/" + A2)).doesNotContain("data-testid=\"add-to-cart\"");

        String order = page(200, base + "/orders/VT20300101-0001?token=tok_abc");
        assertThat(order).contains("data-order-api=\"" + base + "/api/orders/VT20300101-0001\"")
                .contains("data-token=\"tok_abc\"").contains("data-testid=\"order-history\"")
                .contains("data-status-pending-payment=").contains("href=\"" + base + "/orders?orderNo=VT20300101-0001\"");
        // a token is text, never markup
        assertThat(page(200, base + "/orders/VT1?token=%22%3E%3Cscript%3E")).doesNotContain("\"><script>")
                .contains("data-token=\"&quot;&gt;&lt;script&gt;\"");

        String lookup = page(200, base + "/orders?orderNo=VT20300101-0001&lang=en");
        assertThat(lookup).contains("data-testid=\"lookup-form\"").contains("value=\"VT20300101-0001\"")
                .contains("name=\"idNumberLast6\"").contains("Find my order");
        assertThat(page(200, base + "/orders?orderNo=%3Cb%3E")).doesNotContain("value=\"&lt;b");
    }

    @Test
    void unknown_shops_other_shops_stores_and_impossible_order_numbers_are_404_pages() {
        Merchant other = api.merchant(park);
        for (String path : List.of("/s/no-such-shop/cart", "/s/no-such-shop/checkout", "/s/no-such-shop/orders",
                "/s/no-such-shop/orders/VT1?token=x", "/s/no-such-shop/kiosk/S1/cart", "/s/no-such-shop/kiosk/S1/checkout",
                "/s/" + other.slug() + "/kiosk/S1/cart", "/s/" + other.slug() + "/kiosk/S1/checkout",
                "/s/" + slug() + "/kiosk/NOPE/cart", "/s/" + slug() + "/orders/not%20an%20order")) {
            assertThat(page(404, path)).as(path).contains("data-testid=\"error\"").contains("data-status=\"404\"");
        }
        HttpResponse<String> elsewhere = vitrine.send(form("/s/no-such-shop/kiosk/S1/pay", Map.of("orderNo", "VT1",
                "orderToken", "t", "qrCode", QR_TEXT, "expiresAt", "2030-01-01T16:15:00+08:00")));
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    @Test
    void checkout_pages_run_under_a_strict_content_security_policy() {
        String base = "/s/" + slug();
        for (String path : List.of(kiosk("/cart"), kiosk("/checkout"), base + "/cart", base + "/checkout",
                base + "/orders", base + "/orders/VT1?token=t")) {
            assertThat(page(200, path)).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                    .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("\\sstyle=").doesNotContain("javascript:");
        }
    }

    private HttpResponse<String> pay(Map<String, String> fields) {
        return vitrine.send(form(kiosk("/pay"), fields));
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(vitrine.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String kiosk(String rest) {
        return "/s/" + slug() + "/kiosk/S1" + rest;
    }

    private String page(int status, String path) {
        HttpResponse<String> response = vitrine.get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        return response.body();
    }
}
