package io.vitrine.api.catalog;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's category list (issue #4 "unknown categories"): listed to anyone signed in, required of every
 * product by the API (and by the import: {@link ProductImportSuite}), replaced whole by the platform admin
 * but never so that a product's category disappears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CategoriesSuite {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;

    CategoriesSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aMerchantWithAWarehouse() {
        TenantsApi.Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "CT-1", "name", "Bonded", "emsNo", "T5349W6", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
    }

    @Test
    void anyone_signed_in_lists_the_seeded_tree_with_chinese_and_english_names() {
        List<Map<String, Object>> list = items(api.expect(200, api.get("/api/v1/categories", token())));

        assertThat(list).extracting(c -> c.get("path")).contains("母婴", "母婴/奶粉", "母婴/奶粉/婴儿奶粉", "母婴/纸尿裤",
                "美妆/护肤", "美妆/彩妆", "保健/维生素", "食品/零食/巧克力");
        assertThat(list).filteredOn(c -> c.get("path").equals("母婴/奶粉")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("nameZh", "奶粉").containsEntry("nameEn", "Milk powder").containsEntry("depth", 2)
                .containsEntry("parentPath", "母婴"));
        List<String> paths = list.stream().map(c -> (String) c.get("path")).toList();
        for (String path : paths) {
            if (path.contains("/")) {
                assertThat(paths.indexOf(path.substring(0, path.lastIndexOf('/')))).as(path).isBetween(0, paths.indexOf(path));
            }
        }
        assertThat(api.get("/api/v1/categories", null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_api_refuses_a_category_that_is_not_on_the_list() {
        String sku = SampleCodes.unique("UC").toUpperCase();
        Map<String, Object> problem = api.expectProblem(400, api.post("/api/v1/products", token(),
                CatalogSamples.with(CatalogSamples.formula(sku, "CT-1"), "categoryPath", "母婴/尿不湿")));

        assertThat(ProductsSuite.fieldRules(problem)).containsExactly("categoryPath:UNKNOWN_CATEGORY");
        api.expect(201, api.post("/api/v1/products", token(),
                CatalogSamples.with(CatalogSamples.formula(sku, "CT-1"), "categoryPath", " 母婴 / 纸尿裤 ")));
        assertThat(api.expect(200, api.get("/api/v1/products/" + sku, token()))).containsEntry("categoryPath", "母婴/纸尿裤");
    }

    @Test
    void the_platform_admin_replaces_the_list_whole_but_never_drops_a_category_a_product_has() {
        String platform = api.platformAdminToken();
        List<Map<String, Object>> before = items(api.expect(200, api.get("/api/v1/categories", token())));
        String current = "path,nameZh,nameEn\n" + before.stream().map(c -> c.get("path") + "," + c.get("nameZh") + ","
                + (c.get("nameEn") == null ? "" : c.get("nameEn"))).collect(Collectors.joining("\n")) + "\n";

        api.expectProblem(403, PositiveListCalls.putBody(api, "/api/v1/categories", token(), "text/csv", current.getBytes()));
        Map<String, Object> orphan = api.expectProblem(400, PositiveListCalls.putBody(api, "/api/v1/categories", platform,
                "text/csv", "path,nameZh\n母婴,母婴\n测试/新品,新品\n母婴,母婴\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(ProductsSuite.fieldRules(orphan)).containsExactly("rows[3].path:CATEGORY_PARENT_MISSING",
                "rows[4].path:CATEGORY_REPEATED");

        String grown = current + "测试,测试,Test\n测试/新品,新品,New\n";
        Map<String, Object> replaced = api.expect(200, PositiveListCalls.putBody(api, "/api/v1/categories", platform,
                "text/csv; charset=utf-8", grown.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(replaced).containsEntry("total", before.size() + 2);
        String sku = SampleCodes.unique("NC").toUpperCase();
        api.expect(201, api.post("/api/v1/products", token(),
                CatalogSamples.with(CatalogSamples.formula(sku, "CT-1"), "categoryPath", "测试/新品")));

        HttpResponse<String> dropping = PositiveListCalls.putBody(api, "/api/v1/categories", platform, "text/csv",
                current.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.expectProblem(422, dropping).toString()).contains("CATEGORY_IN_USE").contains("测试/新品");
        assertThat(items(api.expect(200, api.get("/api/v1/categories", token())))).hasSize(before.size() + 2);

        awaitIndexed(sku); // the search feed holds the product's row while it indexes it
        assertThat(api.send("DELETE", "/api/v1/products/" + sku, token(), null).statusCode()).isEqualTo(204);
        api.expect(200, PositiveListCalls.putBody(api, "/api/v1/categories", platform, "text/csv",
                current.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(items(api.expect(200, api.get("/api/v1/categories", token())))).isEqualTo(before);
    }

    private void awaitIndexed(String sku) {
        long giveUp = System.nanoTime() + 60_000_000_000L; // a hang guard, not a timing assertion
        while (vitrine.bean(CatalogSearch.class).search(TenantId.of(merchant.id()), SearchQuery.text(sku)).items().stream()
                .noneMatch(hit -> hit.sku().equals(sku))) {
            assertThat(System.nanoTime()).as("%s never reached the index", sku).isLessThan(giveUp);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String token() {
        return merchant.admin().token();
    }
}
