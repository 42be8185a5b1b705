package io.vitrine.api.console;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/** The retailer's catalog pages (issue #4): products, stock with its ledger, store assortment; over HTTP as a browser sends them. */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogConsoleTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private Merchant other;
    private ConsoleClient browser;
    private String theirSku;

    CatalogConsoleTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void twoRetailersOfOneParkWithAWarehouse() {
        Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "CC-01", "name", "Bonded 1", "emsNo", "T5349W8", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        other = api.merchant(park);
        theirSku = SampleCodes.unique("THEIRS").toUpperCase();
        api.expect(201, api.post("/api/v1/products", other.admin().token(), CatalogSamples.formula(theirSku, "CC-01")));
        browser = ConsoleClient.signedIn(vitrine, merchant.admin().username(), merchant.admin().password());
    }

    @Test
    void the_list_searches_by_sku_name_or_brand_pages_by_fifty_and_shows_the_price_with_tax() {
        String prefix = SampleCodes.unique("LIST").toUpperCase();
        for (int i = 0; i < 51; i++) {
            product(prefix + "-" + String.format("%02d", i), "brand" + prefix);
        }

        String first = browser.get("/console/products?q=" + prefix + "&lang=en").body();
        String second = browser.get("/console/products?q=" + prefix + "&page=1&lang=en").body();
        String byBrand = browser.get("/console/products?q=BRAND" + prefix + "&lang=en").body();

        assertThat(rows(first)).hasSize(50).first().isEqualTo(prefix + "-00");
        assertThat(first).contains("51 in total", "rel=\"next\" href=\"/console/products?q=" + prefix + "&amp;page=1&amp;lang=en\"");
        assertThat(rows(second)).containsExactly(prefix + "-50");
        assertThat(rows(byBrand)).hasSize(50);
        // 299.00 at 1210 with 13% VAT and no consumption tax: 70% of 13% = 9.1%, tax 27.21 (domain.md)
        assertThat(Html.testId(first, "price-" + prefix + "-00")).isEqualTo("¥299.00");
        assertThat(Html.testId(first, "price-with-tax-" + prefix + "-00")).isEqualTo("¥326.21");
        assertThat(first).contains("1210 bonded import").doesNotContain(theirSku);
        assertThat(browser.get("/console/products?q=" + theirSku + "&lang=en").body())
                .contains("data-testid=\"no-products\"");
        assertThat(browser.get("/console/products?q=%25&lang=en").statusCode()).isEqualTo(200);
    }

    @Test
    void a_refused_product_form_shows_each_fields_error_from_the_catalog_and_creates_nothing() {
        Map<String, String> form = productForm(SampleCodes.unique("NEW").toUpperCase());
        form.put("sku", "BAD SKU!");
        form.put("hsCode", "12345");
        form.put("itemRecordNo", "");
        form.put("vatRate", "0.13x");
        form.put("price", "-1");
        form.put("originCountry", "100");

        HttpResponse<String> answer = browser.post("/console/products?lang=en", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.body();
        assertThat(Html.testId(page, "error-vatRate")).isEqualTo("A decimal number, e.g. 22.5431.");
        assertThat(page).contains("value=\"BAD SKU!\"", "value=\"0.13x\"");

        form.put("vatRate", "0.13");
        String refused = browser.post("/console/products?lang=en", form).body();
        assertThat(Html.testId(refused, "error-sku")).isEqualTo("1-64 letters, digits, dots, dashes or underscores.");
        assertThat(Html.testId(refused, "error-hsCode")).isEqualTo("Ten digits.");
        assertThat(Html.testId(refused, "error-itemRecordNo")).isEqualTo("Required for trade modes 1210 and 1239.");
        assertThat(Html.testId(refused, "error-price")).isEqualTo("More than 0.");
        assertThat(Html.testId(refused, "error-originCountry")).isEqualTo("Not in the customs country table.");
        assertThat(((Number) api.expect(200, api.get("/api/v1/products?q=BAD", token())).get("total")).longValue()).isZero();
    }

    @Test
    void a_retailer_admin_creates_a_product_once_then_changes_its_price_keeping_everything_else() {
        String sku = SampleCodes.unique("NEW").toUpperCase();
        Map<String, String> form = productForm(sku);
        form.put("formToken", "token-" + sku);
        String longDescription = "适合 0-6 个月婴儿，冲调前请洗手。".repeat(200); // a body of ~40 kB: it arrives in pieces
        form.put("descriptionZh", longDescription);

        HttpResponse<String> created = browser.post("/console/products?lang=en", form);
        HttpResponse<String> again = browser.post("/console/products?lang=en", form); // a double click

        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/console/products/" + sku + "?saved=1&lang=en");
        Map<String, Object> stored = api.expect(200, api.get("/api/v1/products/" + sku, token()));
        assertThat(stored).containsEntry("descriptionZh", longDescription).containsEntry("nameZh", form.get("nameZh"))
                .containsEntry("categoryPath", form.get("categoryPath")).containsEntry("unit1", "035");
        assertThat(stored.get("vatRate").toString()).isEqualTo("0.13");
        assertThat(again.statusCode()).isEqualTo(303);
        String page = browser.get("/console/products/" + sku + "?saved=1&lang=en").body();
        assertThat(page).contains("data-testid=\"saved\"", "data-testid=\"product-sku\">" + sku + "<", "value=\"299.00\"");

        Map<String, String> change = productForm(sku);
        change.remove("sku");
        change.put("price", "199.5");
        assertThat(browser.post("/console/products/" + sku, change).statusCode()).isEqualTo(303);

        Map<String, Object> read = api.expect(200, api.get("/api/v1/products/" + sku, token()));
        assertThat(((Number) read.get("priceFen")).longValue()).isEqualTo(19950);
        assertThat(read).containsEntry("hsCode", CatalogSamples.FORMULA_HS)
                .containsEntry("nameEn", "A2 infant formula 900g");
        assertThat(Html.testId(browser.get("/console/products?q=" + sku + "&lang=en").body(), "price-" + sku))
                .isEqualTo("¥199.50");
        assertThat(browser.get("/console/products/" + theirSku).statusCode()).isEqualTo(404);
        assertThat(browser.post("/console/products/" + theirSku, change).statusCode()).isEqualTo(404);
    }

    @Test
    void a_product_with_bonded_stock_is_not_deleted_and_the_page_says_why_then_at_zero_it_goes() {
        String sku = product(SampleCodes.unique("DEL").toUpperCase(), "a2");
        api.expect(200, api.put("/api/v1/stock/CC-01/" + sku, token(), Map.of("quantity", 3)));

        HttpResponse<String> refused = browser.post("/console/products/" + sku + "/delete?lang=en", Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Html.testId(refused.body(), "refusal")).startsWith("This product still has bonded stock on hand");
        assertThat(refused.body()).contains("data-testid=\"product-stock\"");
        api.expect(200, api.get("/api/v1/products/" + sku, token()));

        assertThat(browser.post("/console/stock/CC-01/" + sku + "/count", Map.of("quantity", "0", "reason", "returned"))
                .statusCode()).isEqualTo(303);
        HttpResponse<String> deleted = browser.post("/console/products/" + sku + "/delete?lang=en", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/console/products?deleted=" + sku + "&lang=en");
        api.expectProblem(404, api.get("/api/v1/products/" + sku, token()));
        assertThat(browser.post("/console/products/" + theirSku + "/delete", Map.of()).statusCode()).isEqualTo(404);
        api.expect(200, api.get("/api/v1/products/" + theirSku, other.admin().token()));
    }

    @Test
    void stock_is_listed_by_warehouse_and_sku_adjusted_once_with_a_reason_and_its_ledger_shows_who_and_why() {
        String sku = product(SampleCodes.unique("STK").toUpperCase(), "a2");
        String item = "/console/stock/CC-01/" + sku;
        assertThat(browser.get("/console/stock?warehouseCode=CC-01&sku=" + sku + "&lang=en").body())
                .contains("data-testid=\"no-stock\"", "href=\"" + item + "?lang=en\"");

        assertThat(browser.post(item + "/count", Map.of("quantity", "10", "reason", "")).statusCode()).isEqualTo(303);
        Map<String, String> adjustment = Map.of("delta", "-3", "reason", "damaged in transit", "formToken", "adj-" + sku);
        HttpResponse<String> adjusted = browser.post(item + "/adjust?lang=en", adjustment);
        browser.post(item + "/adjust?lang=en", adjustment); // sent twice: moves stock once

        assertThat(adjusted.statusCode()).isEqualTo(303);
        assertThat(adjusted.headers().firstValue("Location")).hasValue(item + "?saved=1&lang=en");
        String page = browser.get(item + "?lang=en").body();
        assertThat(Html.testId(page, "on-hand")).isEqualTo("7");
        assertThat(page).contains("damaged in transit", "stock count", merchant.admin().username(), "-3", "+10");
        String list = browser.get("/console/stock?sku=" + sku + "&lang=en").body();
        assertThat(Html.testId(list, "on-hand-CC-01-" + sku)).isEqualTo("7");
        assertThat(browser.get("/console/stock?warehouseCode=CC-01&lang=en").body()).contains(sku);

        HttpResponse<String> negative = browser.post(item + "/adjust?lang=en", Map.of("delta", "-8", "reason", "sold"));
        HttpResponse<String> noReason = browser.post(item + "/adjust?lang=en", Map.of("delta", "abc", "reason", ""));
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(Html.testId(negative.body(), "refusal")).isEqualTo("Refused: stock never goes below zero.");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Html.testId(noReason.body(), "error-delta")).isEqualTo("Whole units.");
        assertThat(Html.testId(browser.get(item).body(), "on-hand")).isEqualTo("7");

        assertThat(browser.get("/console/stock?warehouseCode=NOT-OURS&lang=en").statusCode()).isEqualTo(404);
        assertThat(browser.get("/console/stock/CC-01/" + theirSku).statusCode()).isEqualTo(404);
        assertThat(browser.post("/console/stock/CC-01/" + theirSku + "/count", Map.of("quantity", "5")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_stores_assortment_gains_products_found_and_typed_and_loses_those_unticked() {
        String store = store();
        String prefix = SampleCodes.unique("AS").toUpperCase();
        String a = product(prefix + "-A", "a2");
        String b = product(prefix + "-B", "a2");
        String c = product(prefix + "-C", "a2");
        String page = "/console/stores/" + store + "/assortment";
        assertThat(browser.get("/console/stores/" + store + "?lang=en").body()).contains("href=\"" + page + "?lang=en\"");
        String search = browser.get(page + "?q=" + prefix + "&lang=en").body();
        assertThat(search).contains("data-testid=\"add-" + a + "\"", "data-testid=\"add-" + c + "\"");

        HttpResponse<String> added = browser.postFields(page + "?lang=en", List.of("add", a, "add", b, "skus", c + ", " + c, "q", prefix));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue(page + "?added=3&removed=0&q=" + prefix + "&lang=en");
        assertThat(skus(store)).containsExactly(a, b, c);
        assertThat(browser.get(page + "?added=3&removed=0&lang=en").body()).contains("Saved: 3 added, 0 removed.");

        assertThat(browser.postFields(page, List.of("remove", b)).statusCode()).isEqualTo(303);
        assertThat(skus(store)).containsExactly(a, c);

        HttpResponse<String> refused = browser.postFields(page + "?lang=en", List.of("skus", "NO-SUCH-SKU " + theirSku));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<code>NO-SUCH-SKU</code>: Not one of your products.",
                "<code>" + theirSku + "</code>: Not one of your products.");
        assertThat(skus(store)).containsExactly(a, c);
    }

    @Test
    void a_save_from_a_page_another_save_overtook_is_refused_with_409_and_the_current_list() {
        String store = store();
        String prefix = SampleCodes.unique("ST").toUpperCase();
        String a = product(prefix + "-A", "a2");
        String b = product(prefix + "-B", "a2");
        String page = "/console/stores/" + store + "/assortment";
        String mine = versionOn(browser.get(page + "?lang=en").body());
        String theirs = versionOn(browser.get(page + "?lang=en").body()); // a colleague's tab, opened at the same time

        assertThat(browser.postFields(page + "?lang=en", List.of("skus", a, "version", theirs)).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = browser.postFields(page + "?lang=en", List.of("skus", b, "version", mine));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("data-testid=\"stale\"", "nothing was saved", ">" + b + "</textarea>");
        assertThat(rows(refused.body())).containsExactly(a);
        assertThat(versionOn(refused.body())).isNotEqualTo(mine);
        assertThat(skus(store)).containsExactly(a);
        assertThat(browser.postFields(page + "?lang=en", List.of("skus", b, "version", versionOn(refused.body())))
                .statusCode()).isEqualTo(303);
        assertThat(skus(store)).containsExactly(a, b);
    }

    private static String versionOn(String page) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(version.find()).as("the form carries the list's version").isTrue();
        return version.group(1);
    }

    @Test
    void a_store_manager_reads_products_stock_and_its_own_stores_assortment_and_changes_nothing() {
        String mine = store();
        String notMine = store();
        String sku = product(SampleCodes.unique("MGR").toUpperCase(), "a2");
        api.expect(200, api.put("/api/v1/stores/" + mine + "/assortment", token(), Map.of("skus", List.of(sku))));
        String username = SampleCodes.unique("manager");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of(mine))));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "manager-password-123")));
        ConsoleClient manager = ConsoleClient.signedIn(vitrine, username, "manager-password-123");

        assertThat(manager.get("/console/products?q=" + sku + "&lang=en").body()).contains(sku)
                .doesNotContain("/console/products/-/new");
        assertThat(manager.get("/console/products/" + sku + "?lang=en").body()).contains("data-testid=\"product\"")
                .doesNotContain("data-testid=\"product-form\"", "data-testid=\"delete-form\"");
        assertThat(manager.get("/console/stock/CC-01/" + sku + "?lang=en").body()).doesNotContain("adjust-form");
        assertThat(manager.get("/console/stores/" + mine + "/assortment?lang=en").body()).contains(sku)
                .doesNotContain("name=\"remove\"");
        assertThat(manager.get("/console/stores/" + notMine + "/assortment").statusCode()).isEqualTo(404);
        assertThat(manager.post("/console/products/" + sku + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(manager.post("/console/stock/CC-01/" + sku + "/count", Map.of("quantity", "5")).statusCode())
                .isEqualTo(403);
        assertThat(manager.post("/console/stores/" + mine + "/assortment", Map.of("remove", sku)).statusCode())
                .isEqualTo(403);
        assertThat(skus(mine)).containsExactly(sku);
    }

    private List<Object> skus(String store) {
        return items(api.expect(200, api.get("/api/v1/stores/" + store + "/assortment?size=200", token())))
                .stream().map(row -> row.get("sku")).toList();
    }

    private static List<String> rows(String page) {
        return java.util.regex.Pattern.compile("<tr data-sku=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
    }

    private String product(String sku, String brand) {
        api.expect(201, api.post("/api/v1/products", token(),
                CatalogSamples.with(CatalogSamples.formula(sku, "CC-01"), "brand", brand)));
        return sku;
    }

    private String store() {
        String code = SampleCodes.unique("S").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", code, "name", "Store " + code, "kind",
                "CONVENIENCE_STORE", "address", "x", "district", "440305", "warehouseCode", "CC-01")));
        return code;
    }

    private String token() {
        return merchant.admin().token();
    }

    /** The product form as typed: the sample formula, price in yuan. */
    private static Map<String, String> productForm(String sku) {
        Map<String, String> form = new LinkedHashMap<>();
        CatalogSamples.formula(sku, "CC-01").forEach((key, value) -> {
            if (!key.equals("priceFen")) {
                form.put(key, String.valueOf(value));
            }
        });
        form.put("gtin", CatalogSamples.gtin());
        form.put("price", "299.00");
        return form;
    }
}
