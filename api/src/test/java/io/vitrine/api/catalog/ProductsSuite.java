package io.vitrine.api.catalog;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.vitrine.api.catalog.CatalogSamples.formula;
import static io.vitrine.api.catalog.CatalogSamples.with;
import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product API over HTTP (api.md "Catalog and stock"), run embedded (H2, Lucene) and in cluster mode
 * (MariaDB, Elasticsearch): every field, every rule, roles, and the search index following each change
 * through the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductsSuite {

    private static final Logger LOG = LoggerFactory.getLogger(ProductsSuite.class);
    /** A PNG's signature and IHDR start: enough for the file intake, which sniffs the first bytes. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Merchant merchant;

    ProductsSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aMerchantInAParkWithAWarehouse() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "WH-1", "name", "Bonded 1", "emsNo", "T5349W9", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
    }

    @Test
    void a_retailer_admin_creates_reads_changes_lists_and_deletes_a_product() {
        String sku = SampleCodes.unique("F").toUpperCase();
        Map<String, Object> request = formula(sku, "WH-1");

        Map<String, Object> created = api.expect(201, api.post("/api/v1/products", token(), request));

        assertThat(created).containsEntry("sku", sku).containsEntry("gtin", request.get("gtin"))
                .containsEntry("nameZh", "澳洲 A2 婴儿配方奶粉 900g").containsEntry("nameEn", "A2 infant formula 900g")
                .containsEntry("brand", "a2").containsEntry("categoryPath", "母婴/奶粉/婴儿奶粉")
                .containsEntry("hsCode", CatalogSamples.FORMULA_HS).containsEntry("itemRecordNo", "100001")
                .containsEntry("originCountry", "601").containsEntry("unit", "122").containsEntry("unit1", "035")
                .containsEntry("tradeMode", "1210").containsEntry("warehouseCode", "WH-1")
                .containsEntry("descriptionZh", "适合 0-6 个月婴儿").containsEntry("images", List.of());
        assertThat(decimal(created, "qty1PerUnit")).isEqualTo("0.9");
        assertThat(decimal(created, "grossWeightKg")).isEqualTo("1.2");
        assertThat(decimal(created, "vatRate")).isEqualTo("0.13");
        assertThat(decimal(created, "mfnTariffRate")).isEqualTo("0.15");
        // 299.00 at 9.1% = 27.209 -> 27.21 (domain.md's rule, half-up to the fen)
        assertThat(number(created, "priceFen")).isEqualTo(29900);
        assertThat(number(created, "taxFen")).isEqualTo(2721);
        assertThat(number(created, "priceWithTaxFen")).isEqualTo(32621);
        assertThat(created).containsKey("positiveList");

        api.expectProblem(409, api.post("/api/v1/products", token(), with(request, "gtin", CatalogSamples.gtin())));

        Map<String, Object> change = with(request, "priceFen", 10000, "consumptionTaxRate", 0.15, "hsCode",
                CatalogSamples.COSMETICS_HS, "nameZh", "面霜 50ml");
        Map<String, Object> changed = api.expect(200, api.put("/api/v1/products/" + sku, token(), change));
        // (0.15 + 0.13) / 0.85 × 70% ≈ 23.06%: 23.0588 yuan on 100.00 -> 23.06
        assertThat(number(changed, "taxFen")).isEqualTo(2306);
        assertThat(number(changed, "priceWithTaxFen")).isEqualTo(12306);
        assertThat(api.expect(200, api.get("/api/v1/products/" + sku, token()))).containsEntry("nameZh", "面霜 50ml")
                .containsEntry("hsCode", CatalogSamples.COSMETICS_HS);

        Map<String, Object> renamed = api.expectProblem(400, api.put("/api/v1/products/" + sku, token(),
                with(change, "sku", "OTHER")));
        assertThat(fieldRules(renamed)).containsExactly("sku:SKU_IMMUTABLE");

        assertThat(items(api.expect(200, api.get("/api/v1/products?q=" + sku.toLowerCase(), token()))))
                .extracting(p -> p.get("sku")).containsExactly(sku);

        assertThat(api.send("DELETE", "/api/v1/products/" + sku, token(), null).statusCode()).isEqualTo(204);
        api.expectProblem(404, api.get("/api/v1/products/" + sku, token()));
        api.expectProblem(404, api.send("DELETE", "/api/v1/products/" + sku, token(), null));
        api.expectProblem(404, api.put("/api/v1/products/" + sku, token(), change));
    }

    @Test
    void every_rule_refuses_with_the_field_and_the_rule_and_nothing_is_created() {
        String sku = SampleCodes.unique("BAD").toUpperCase();
        Map<String, Object> bad = with(formula(sku, "NOPE"),
                "gtin", "6901234567890",          // check digit should be 2
                "hsCode", "19011010",
                "originCountry", "100",           // a continent heading, not a country
                "unit", "024",                    // unassigned in the customs unit table
                "unit1", "35",
                "qty1PerUnit", 0,
                "netWeightKg", 1.5,               // above the gross weight of 1.2
                "vatRate", 1.2,
                "itemRecordNo", null,             // required for 1210
                "priceFen", -1,
                "categoryPath", "母婴//奶粉",
                "images", List.of("no-such-file"),
                "qty2PerUnit", 2);                // without unit2

        Map<String, Object> problem = api.expectProblem(400, api.post("/api/v1/products", token(), bad));

        assertThat(fieldRules(problem)).containsExactlyInAnyOrder("gtin:GTIN_CHECK_DIGIT", "hsCode:HS_CODE_FORM",
                "originCountry:COUNTRY_CODE_UNKNOWN", "unit:UNIT_CODE_UNKNOWN", "unit1:UNIT_CODE_FORM",
                "qty1PerUnit:POSITIVE", "netWeightKg:NET_WEIGHT_ABOVE_GROSS", "vatRate:RATE_RANGE",
                "itemRecordNo:ITEM_RECORD_NO_REQUIRED", "warehouseCode:UNKNOWN_WAREHOUSE", "priceFen:PRICE_POSITIVE",
                "categoryPath:CATEGORY_PATH_FORM", "images[0]:UNKNOWN_IMAGE", "qty2PerUnit:QTY2_WITHOUT_UNIT2");
        api.expectProblem(404, api.get("/api/v1/products/" + sku, token()));

        Map<String, Object> missing = api.expectProblem(400, api.post("/api/v1/products", token(),
                Map.of("sku", "bad sku/1")));
        assertThat(fieldRules(missing)).contains("sku:SKU_FORM", "nameZh:REQUIRED", "hsCode:REQUIRED",
                "tradeMode:REQUIRED", "priceFen:REQUIRED", "originCountry:REQUIRED", "unit:REQUIRED");
        Map<String, Object> mode = api.expectProblem(400, api.post("/api/v1/products", token(),
                with(formula(sku, "WH-1"), "tradeMode", "9710")));
        assertThat(fieldRules(mode)).containsExactly("tradeMode:TRADE_MODE");
    }

    @Test
    void only_bonded_goods_need_an_item_record_number_and_general_trade_adds_no_tax() {
        Map<String, Object> direct = api.expect(201, api.post("/api/v1/products", token(),
                with(formula(SampleCodes.unique("D").toUpperCase(), "WH-1"), "tradeMode", "9610", "itemRecordNo", null)));
        assertThat(direct).containsEntry("tradeMode", "9610").containsEntry("itemRecordNo", null);
        assertThat(number(direct, "taxFen")).isEqualTo(2721);

        Map<String, Object> general = api.expect(201, api.post("/api/v1/products", token(),
                with(formula(SampleCodes.unique("G").toUpperCase(), "WH-1"), "tradeMode", "GENERAL", "itemRecordNo", null,
                        "unit2", "007", "qty2PerUnit", 1)));
        assertThat(number(general, "taxFen")).isZero();
        assertThat(number(general, "priceWithTaxFen")).isEqualTo(29900);
        assertThat(general).containsEntry("unit2", "007");
    }

    @Test
    void a_barcode_belongs_to_one_product_of_the_tenant() {
        Map<String, Object> first = api.expect(201, api.post("/api/v1/products", token(),
                formula(SampleCodes.unique("B").toUpperCase(), "WH-1")));

        api.expectProblem(409, api.post("/api/v1/products", token(),
                with(formula(SampleCodes.unique("B").toUpperCase(), "WH-1"), "gtin", first.get("gtin"))));
    }

    @Test
    void images_are_the_tenants_own_uploaded_images_not_bare_files() {
        FileStorage files = vitrine.bean(FileStorage.class);
        TenantId tenant = TenantId.of(merchant.id());
        String image = uploaded(token(), "front.png");
        String licence = files.store(tenant, "licence", "licence.pdf", "application/pdf",
                new ByteArrayInputStream(SampleCodes.pdf())).id();
        String bareFile = files.store(tenant, "image", "raw.png", "image/png", new ByteArrayInputStream(PNG)).id();
        Merchant other = api.merchant(park);
        String theirs = uploaded(other.admin().token(), "x.png");
        String sku = SampleCodes.unique("I").toUpperCase();

        Map<String, Object> refused = api.expectProblem(400, api.post("/api/v1/products", token(),
                with(formula(sku, "WH-1"), "images", List.of(image, licence, theirs, image, bareFile))));
        assertThat(fieldRules(refused)).containsExactly("images[1]:UNKNOWN_IMAGE", "images[2]:UNKNOWN_IMAGE",
                "images[3]:IMAGE_REPEATED", "images[4]:UNKNOWN_IMAGE");

        Map<String, Object> created = api.expect(201, api.post("/api/v1/products", token(),
                with(formula(sku, "WH-1"), "images", List.of(image))));
        assertThat(created).containsEntry("images", List.of(image));
    }

    @Test
    void a_store_manager_reads_the_catalog_but_does_not_change_it() {
        String sku = SampleCodes.unique("R").toUpperCase();
        api.expect(201, api.post("/api/v1/products", token(), formula(sku, "WH-1")));
        String store = SampleCodes.unique("S").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", store, "name", "Store", "kind",
                "CONVENIENCE_STORE", "address", "x", "district", "440305", "warehouseCode", "WH-1")));
        String username = SampleCodes.unique("manager");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of(store))));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "store-manager-password")));
        String manager = api.login(username, "store-manager-password");

        api.expect(200, api.get("/api/v1/products/" + sku, manager));
        api.expect(200, api.get("/api/v1/products", manager));
        api.expectProblem(403, api.post("/api/v1/products", manager, formula(SampleCodes.unique("X"), "WH-1")));
        api.expectProblem(403, api.put("/api/v1/products/" + sku, manager, formula(sku, "WH-1")));
        api.expectProblem(403, api.send("DELETE", "/api/v1/products/" + sku, manager, null));
    }

    @Test
    void the_list_pages_by_sku_and_filters_by_text() {
        String prefix = SampleCodes.unique("L").toUpperCase();
        for (int i = 1; i <= 3; i++) {
            api.expect(201, api.post("/api/v1/products", token(),
                    with(formula(prefix + "-" + i, "WH-1"), "brand", "Brand" + prefix)));
        }

        Map<String, Object> page = api.expect(200, api.get("/api/v1/products?q=brand" + prefix.toLowerCase()
                + "&page=1&size=2", token()));
        assertThat(page.get("total")).isEqualTo(3);
        assertThat(items(page)).extracting(p -> p.get("sku")).containsExactly(prefix + "-3");
        assertThat(items(api.expect(200, api.get("/api/v1/products?q=%25" + prefix, token())))).isEmpty();
        api.expectProblem(400, api.get("/api/v1/products?size=201", token()));
    }

    @Test
    void the_search_index_follows_each_change_through_the_outbox() {
        String sku = SampleCodes.unique("SRCH").toUpperCase();
        long started = System.nanoTime();
        api.expect(201, api.post("/api/v1/products", token(), formula(sku, "WH-1")));
        SearchHit indexed = awaitHit(sku, hit -> hit.priceFen() == 29900);
        LOG.info("search freshness ({}): created product searchable after {} ms", getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(indexed.taxFen()).isEqualTo(2721);
        assertThat(indexed.name()).isEqualTo("澳洲 A2 婴儿配方奶粉 900g");

        SearchHit repriced = null;
        List<Long> millis = new java.util.ArrayList<>();
        for (long price = 19905; price >= 19900; price--) { // six changes, timed for the module README
            started = System.nanoTime();
            api.expect(200, api.put("/api/v1/products/" + sku, token(), with(formula(sku, "WH-1"), "priceFen", price)));
            long expected = price;
            repriced = awaitHit(sku, hit -> hit.priceFen() == expected);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        LOG.info("search freshness ({}): new price searchable after {} ms (PUT to hit)", getClass().getSimpleName(), millis);
        assertThat(repriced.taxFen()).isEqualTo(1811); // 199.00 × 9.1% = 18.109

        assertThat(api.send("DELETE", "/api/v1/products/" + sku, token(), null).statusCode()).isEqualTo(204);
        for (int i = 0; i < 200 && hit(sku).isPresent(); i++) {
            sleep();
        }
        assertThat(hit(sku)).isEmpty();
    }

    @Test
    void positive_list_eligibility_follows_the_list() {
        String platform = api.platformAdminToken();
        String sku = SampleCodes.unique("P").toUpperCase();
        api.expect(201, api.post("/api/v1/products", token(), formula(sku, "WH-1")));

        api.expect(200, PositiveListCalls.putCsv(api, platform, "hsCode,description,note\n"
                + CatalogSamples.FORMULA_HS + ",婴幼儿配方奶粉,\n" + CatalogSamples.COSMETICS_HS + ",其他美容品,\n"));
        assertThat(api.expect(200, api.get("/api/v1/products/" + sku, token()))).containsEntry("positiveList", true);

        api.expect(200, PositiveListCalls.putCsv(api, platform, "hsCode\n" + CatalogSamples.COSMETICS_HS + "\n"));
        assertThat(api.expect(200, api.get("/api/v1/products/" + sku, token()))).containsEntry("positiveList", false);
        assertThat(items(api.expect(200, api.get("/api/v1/products?q=" + sku, token()))))
                .extracting(p -> p.get("positiveList")).containsExactly(false);
    }

    @Test
    void the_platform_admin_replaces_the_positive_list_whole_or_not_at_all() {
        String platform = api.platformAdminToken();
        Map<String, Object> replaced = api.expect(200, PositiveListCalls.putMultipart(api, platform, "list.csv",
                ("hsCode,description,note\n" + CatalogSamples.FORMULA_HS + ",婴幼儿配方奶粉,限零售包装\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(number(replaced, "entryCount")).isEqualTo(1);

        Map<String, Object> refused = api.expectProblem(400, PositiveListCalls.putCsv(api, platform,
                "hsCode,description\n" + CatalogSamples.COSMETICS_HS + ",ok\n3304.99\n\n" + CatalogSamples.COSMETICS_HS + ",again\n"));
        assertThat(fieldRules(refused)).containsExactly("rows[3].hsCode:HS_CODE_FORM", "rows[5].hsCode:HS_CODE_REPEATED");
        Map<String, Object> empty = api.expectProblem(400, PositiveListCalls.putCsv(api, platform, "hsCode\n"));
        assertThat(fieldRules(empty)).containsExactly("file:POSITIVE_LIST_EMPTY");
        api.expectProblem(400, PositiveListCalls.putCsv(api, platform, "code\n" + CatalogSamples.COSMETICS_HS + "\n"));

        assertThat(api.expect(200, api.get("/api/v1/positive-list/" + CatalogSamples.FORMULA_HS, token())))
                .containsEntry("positiveList", true).containsEntry("description", "婴幼儿配方奶粉")
                .containsEntry("note", "限零售包装");
        assertThat(api.expect(200, api.get("/api/v1/positive-list/" + CatalogSamples.COSMETICS_HS, token())))
                .containsEntry("positiveList", false);
        assertThat(fieldRules(api.expectProblem(400, api.get("/api/v1/positive-list/3304", token()))))
                .containsExactly("hsCode:HS_CODE_FORM");
        api.expectProblem(403, PositiveListCalls.putCsv(api, token(), "hsCode\n" + CatalogSamples.COSMETICS_HS + "\n"));
        api.expectProblem(401, api.get("/api/v1/positive-list/" + CatalogSamples.FORMULA_HS, null));
    }

    private Optional<SearchHit> hit(String sku) {
        return vitrine.bean(CatalogSearch.class).search(TenantId.of(merchant.id()), SearchQuery.text(sku)).items().stream()
                .filter(h -> h.sku().equals(sku)).findFirst();
    }

    /** Waits for the index to show the change; the bound only keeps a broken feed from hanging the build. */
    private SearchHit awaitHit(String sku, Predicate<SearchHit> state) {
        for (int i = 0; i < 400; i++) {
            Optional<SearchHit> hit = hit(sku).filter(state);
            if (hit.isPresent()) {
                return hit.get();
            }
            sleep();
        }
        return hit(sku).orElseThrow(() -> new AssertionError(sku + " never reached the search index"));
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An image uploaded as the API stores one (with its renditions): its id. */
    private String uploaded(String adminToken, String filename) {
        return (String) api.expect(201, api.upload("/api/v1/images", null, filename, "image/png", SampleImages.png(40, 30),
                "Authorization", "Bearer " + adminToken)).get("imageId");
    }

    private String token() {
        return merchant.admin().token();
    }

    static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    static String decimal(Map<String, Object> json, String field) {
        return new java.math.BigDecimal(json.get(field).toString()).stripTrailingZeros().toPlainString();
    }

    @SuppressWarnings("unchecked")
    static List<String> fieldRules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(e -> e.get("field") + ":" + e.get("rule")).toList();
    }
}
