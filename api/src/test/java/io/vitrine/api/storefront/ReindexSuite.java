package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.reindex.SearchReindexJob;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.vitrine.api.catalog.CatalogSamples.formula;
import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static io.vitrine.api.storefront.ShopFixture.VITAMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reindexing (api.md {@code POST /api/v1/search:reindex}, issue #4 "Full reindex"): a retailer admin's job
 * rewrites the shop's entries in the live index; a platform admin's whole-index rebuild fills a new index and
 * switches, and changes made while it runs survive the switch. Embedded (Lucene) and cluster (Elasticsearch).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReindexSuite {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private ShopFixture shop;

    ReindexSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aShopWithFourProducts() {
        shop = new ShopFixture(api);
    }

    @Test
    void a_retailer_admin_reindexes_the_shop_bringing_back_lost_entries_and_dropping_stale_ones() {
        CatalogSearch search = vitrine.bean(CatalogSearch.class);
        search.delete(shop.tenant(), CREAM);                          // an update the index lost
        search.index(new SearchDocument(shop.tenant(), "GONE-1", null, "已删除 商品", null, "gone", List.of("x"),
                "601", "1210", 100, 0, null, Instant.now(), null, null, Set.of(), Set.of())); // a deletion it lost
        search.refresh();
        assertThat(skusInIndex()).containsExactlyInAnyOrder(A2, APTAMIL, VITAMIN, "GONE-1");

        Map<String, Object> accepted = api.expect(202, api.post("/api/v1/search:reindex", shop.token(), null));
        Map<String, Object> job = awaitJob((String) accepted.get("jobId"));

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("total", 4).containsEntry("done", 4)
                .containsEntry("kind", SearchReindexJob.KIND);
        assertThat((String) job.get("message")).contains("4 products indexed, 1 stale search entries removed");
        assertThat(skusInIndex()).containsExactlyInAnyOrder(A2, APTAMIL, CREAM, VITAMIN);
    }

    @Test
    void only_a_retailer_admin_reindexes_and_the_colon_is_part_of_the_path() {
        api.expectProblem(401, api.post("/api/v1/search:reindex", null, null));
        api.expectProblem(403, api.post("/api/v1/search:reindex", shop.park.admin().token(), null));
        // the platform admin's whole-index rebuild: a_platform_admin_rebuilds_the_whole_index_as_a_platform_job
        assertThat(api.post("/api/v1/search", shop.token(), null).statusCode()).isEqualTo(404);
        assertThat(api.post("/api/v1/search:rebuild", shop.token(), null).statusCode()).isEqualTo(404);
        // ':' is a reserved character (RFC 3986 2.2): "%3A" names another path, and the router treats it so
        assertThat(api.post("/api/v1/search%3Areindex", shop.token(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_platform_admin_rebuilds_the_whole_index_as_a_platform_job() {
        String platform = api.platformAdminToken();
        Map<String, Object> accepted = api.expect(202, api.post("/api/v1/search:reindex", platform, null));
        String jobId = (String) accepted.get("jobId");

        Map<String, Object> job = awaitJob(jobId, platform);

        assertThat(job).containsEntry("status", "SUCCEEDED");
        assertThat((String) job.get("message")).contains("into a new search index");
        assertThat(((Number) job.get("done")).longValue()).isEqualTo(((Number) job.get("total")).longValue())
                .isGreaterThanOrEqualTo(4);
        api.expectProblem(404, api.get("/api/v1/jobs/" + jobId, shop.token())); // not the shop's job
        String shopJob = (String) api.expect(202, api.post("/api/v1/search:reindex", shop.token(), null)).get("jobId");
        api.expectProblem(404, api.get("/api/v1/jobs/" + shopJob, platform)); // nor the shop's job the platform's
        awaitJob(shopJob, shop.token());
        assertThat(skusInIndex()).containsExactlyInAnyOrder(A2, APTAMIL, CREAM, VITAMIN);
    }

    @Test
    void a_whole_index_rebuild_keeps_the_changes_made_while_it_runs_and_searches_answer_throughout() {
        String added = "NEW-" + shop.slug().toUpperCase().substring(0, 8);
        HookedJobRun run = new HookedJobRun(shop.tenant(), JobInput.none().withParameters("ALL"), () -> {
            // every product has been read into the new index: whatever changes now must reach it by the feed
            api.expect(200, api.put("/api/v1/products/" + A2, shop.token(),
                    CatalogSamples.with(shop.products.get(A2), "priceFen", 19900)));
            assertThat(api.send("DELETE", "/api/v1/products/" + VITAMIN, shop.token(), null).statusCode()).isEqualTo(204);
            shop.create(formula(added, "WH-1"));
            awaitInIndex(A2, hit -> hit.priceFen() == 19900);
            awaitGone(VITAMIN);
            awaitInIndex(added, hit -> true);
            api.expect(200, vitrine.get("/s/" + shop.slug() + "/api/search?q=" + A2)); // the live index answers
        });

        TenantContext.runAs(shop.tenant(), () -> {
            try {
                vitrine.bean(SearchReindexJob.class).run(run);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(run.hooked()).isTrue();
        assertThat(run.done()).as("the product added meanwhile may be read too").isGreaterThanOrEqualTo(run.total());
        assertThat(run.message()).contains("into a new search index");
        assertThat(skusInIndex()).containsExactlyInAnyOrder(A2, APTAMIL, CREAM, added);
        assertThat(hit(A2)).hasValueSatisfying(hit -> assertThat(hit.priceFen()).isEqualTo(19900));
        // put the shop back as the other tests expect it
        api.expect(200, api.put("/api/v1/products/" + A2, shop.token(), shop.products.get(A2)));
        assertThat(api.send("DELETE", "/api/v1/products/" + added, shop.token(), null).statusCode()).isEqualTo(204);
        api.expect(201, api.post("/api/v1/products", shop.token(), shop.products.get(VITAMIN)));
        awaitInIndex(VITAMIN, hit -> true);
        awaitInIndex(A2, hit -> hit.priceFen() == 29900);
        awaitGone(added);
    }

    private List<String> skusInIndex() {
        return vitrine.bean(CatalogSearch.class).search(shop.tenant(), SearchQuery.builder().size(200).build()).items()
                .stream().map(SearchHit::sku).toList();
    }

    private Optional<SearchHit> hit(String sku) {
        return vitrine.bean(CatalogSearch.class).search(shop.tenant(), SearchQuery.builder().size(200).build()).items()
                .stream().filter(h -> h.sku().equals(sku)).findFirst();
    }

    private void awaitInIndex(String sku, java.util.function.Predicate<SearchHit> state) {
        for (int i = 0; i < 400 && hit(sku).filter(state).isEmpty(); i++) {
            ShopFixture.pause();
        }
        assertThat(hit(sku)).as(sku + " in the live index").hasValueSatisfying(h -> assertThat(state).accepts(h));
    }

    private void awaitGone(String sku) {
        for (int i = 0; i < 400 && hit(sku).isPresent(); i++) {
            ShopFixture.pause();
        }
        assertThat(hit(sku)).as(sku + " gone from the live index").isEmpty();
    }

    private Map<String, Object> awaitJob(String jobId) {
        return awaitJob(jobId, shop.token());
    }

    /** Polls the job as a client would; the bound only stops a job that never ends. */
    private Map<String, Object> awaitJob(String jobId, String token) {
        Map<String, Object> job = Map.of();
        for (int i = 0; i < 1_200; i++) {
            job = api.expect(200, api.get("/api/v1/jobs/" + jobId, token));
            if (!List.of("QUEUED", "RUNNING").contains(job.get("status"))) {
                return job;
            }
            ShopFixture.pause();
        }
        throw new AssertionError("job " + jobId + " did not finish: " + job);
    }
}
