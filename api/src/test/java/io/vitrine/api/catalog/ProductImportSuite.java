package io.vitrine.api.catalog;

import io.vitrine.api.tenants.RecordingJobRun;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.transfer.ProductImport;
import io.vitrine.catalog.transfer.ProductImportJob;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.jobs.JobStoppedException;
import io.vitrine.kernel.tabular.TabularFiles;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.vitrine.api.catalog.ProductImports.HEADER;
import static io.vitrine.api.catalog.ProductImports.cells;
import static io.vitrine.api.catalog.ProductImports.csv;
import static io.vitrine.api.catalog.ProductImports.errors;
import static io.vitrine.api.catalog.ProductImports.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The product import and export (issue #4) over HTTP, run by the application's own job runner, embedded (H2,
 * Lucene, local files) and on the cluster services (MariaDB, Elasticsearch, files in the database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductImportSuite {

    private static final int BIG = 1001; // three batches of 500

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ProductImports imports;
    private Park park;
    private Merchant merchant;
    private Merchant big;
    private Map<String, Object> bigJob;
    private byte[] bigFile;

    ProductImportSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.imports = new ProductImports(vitrine, api);
    }

    @BeforeAll
    void aMerchantImportsAThousandProducts() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "PI-1", "name", "Import bonded", "emsNo", "T5349W7", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        big = api.merchant(park);
        bigFile = csv(IntStream.rangeClosed(1, BIG).mapToObj(i -> line(String.format("BIG-%05d", i), CatalogSamples.gtin(),
                "PI-1", 10_000 + i)).toList());
        bigJob = imports.imported(big.admin().token(), bigFile);
    }

    /**
     * A bulk import publishes an event per product, which the search feed indexes a batch of events at a time
     * (one bulk write each): the index must catch up with every one of them (and the application this suite shares
     * with others must be left without a backlog, or their freshness checks would wait behind it).
     */
    @AfterAll
    void theSearchFeedCatchesUpWithEveryImportedProduct() {
        long giveUp = System.nanoTime() + 900_000_000_000L; // a hang guard, not a timing assertion
        List<String> tenants = List.of(merchant.id(), big.id());
        while (pending(tenants) > 0) {
            assertThat(System.nanoTime()).as("the search feed never caught up").isLessThan(giveUp);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(awaitHit(big, String.format("BIG-%05d", BIG))).isPresent();
        assertThat(awaitTotal(big, BIG)).as("every imported product searchable").isEqualTo(BIG);
    }

    /** The number of the owner's products a search finds, once it reaches {@code expected} or after a minute. */
    private long awaitTotal(Merchant owner, long expected) {
        long giveUp = System.nanoTime() + 60_000_000_000L; // a hang guard, not a timing assertion
        long total;
        do {
            total = vitrine.bean(CatalogSearch.class).search(TenantId.of(owner.id()), SearchQuery.builder().build()).total();
            if (total == expected) {
                return total;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        } while (System.nanoTime() < giveUp);
        return total;
    }

    private long pending(List<String> tenants) {
        long count = 0;
        for (String tenant : tenants) {
            count += Long.parseLong(Rows.column(vitrine, "SELECT COUNT(*) FROM outbox_deliveries d JOIN outbox_events e "
                    + "ON e.id = d.event_id WHERE e.tenant_id = ? AND d.status = 'PENDING'", tenant).get(0));
        }
        return count;
    }

    @Test
    void a_csv_creates_every_product_with_every_field_and_the_search_index_follows() {
        assertThat(bigJob).containsEntry("status", "SUCCEEDED").containsEntry("total", BIG).containsEntry("done", BIG)
                .containsEntry("failed", 0).containsEntry("kind", ProductImportJob.KIND);
        assertThat((String) bigJob.get("message")).startsWith(BIG + " rows: " + BIG + " products created, 0 changed, 0 unchanged");
        assertThat(count("SELECT COUNT(*) FROM products WHERE tenant_id = ?", big)).isEqualTo(BIG);
        Map<String, Object> one = api.expect(200, api.get("/api/v1/products/BIG-00042", big.admin().token()));
        assertThat(one).containsEntry("nameZh", "澳洲 A2 婴儿配方奶粉 900g").containsEntry("categoryPath", "母婴/奶粉/婴儿奶粉")
                .containsEntry("tradeMode", "1210").containsEntry("warehouseCode", "PI-1").containsEntry("priceFen", 10_042)
                .containsEntry("itemRecordNo", "100001").containsEntry("descriptionEn", "For babies of 0-6 months");
        assertThat(ProductsSuite.decimal(one, "mfnTariffRate")).isEqualTo("0.15");
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ? AND event_type = 'catalog.ProductChanged'", big))
                .isEqualTo(BIG);
        assertThat(awaitHit(big, "BIG-00001")).isPresent();
    }

    @Test
    void the_same_file_again_changes_nothing_no_event_no_write() {
        List<String> updatedBefore = Rows.column(vitrine, "SELECT updated_at FROM products WHERE tenant_id = ? ORDER BY sku", big.id());
        long eventsBefore = count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ?", big);

        Map<String, Object> again = imports.imported(big.admin().token(), bigFile);

        assertThat(again).containsEntry("status", "SUCCEEDED").containsEntry("done", BIG).containsEntry("failed", 0);
        assertThat((String) again.get("message")).isEqualTo(BIG + " rows: 0 products created, 0 changed, " + BIG
                + " unchanged, 0 rows refused");
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ?", big)).isEqualTo(eventsBefore);
        assertThat(Rows.column(vitrine, "SELECT updated_at FROM products WHERE tenant_id = ? ORDER BY sku", big.id()))
                .isEqualTo(updatedBefore);
    }

    @Test
    void a_changed_row_changes_only_its_product_and_publishes_one_event() {
        String a = sku("CH");
        String b = sku("CH");
        List<String> rowA = cells(a, CatalogSamples.gtin(), "PI-1", 29900);
        List<String> rowB = cells(b, CatalogSamples.gtin(), "PI-1", 19900);
        assertThat(imports.imported(token(), csv(List.of(String.join(",", rowA), String.join(",", rowB)))))
                .containsEntry("done", 2);
        long events = count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ?", merchant);

        Map<String, Object> job = imports.imported(token(), csv(List.of(line(rowA, "priceFen", "31900"),
                String.join(",", rowB))));

        assertThat((String) job.get("message")).startsWith("2 rows: 0 products created, 1 changed, 1 unchanged");
        assertThat(api.expect(200, api.get("/api/v1/products/" + a, token()))).containsEntry("priceFen", 31900);
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ?", merchant)).isEqualTo(events + 1);
    }

    @Test
    void bad_rows_are_refused_with_their_row_field_and_rule_and_change_nothing() {
        String good = sku("OK");
        String taken = CatalogSamples.gtin();
        String owner = sku("OWN");
        api.expect(201, api.post("/api/v1/products", token(), CatalogSamples.with(CatalogSamples.formula(owner, "PI-1"),
                "gtin", taken)));
        List<String> bad = IntStream.range(0, 9).mapToObj(i -> sku("BAD")).toList();
        byte[] file = csv(List.of(
                line(good, CatalogSamples.gtin(), "PI-1", 100),                                         // row 2
                line(cells(bad.get(0), CatalogSamples.gtin(), "PI-1", 100), "categoryPath", "母婴/尿不湿"), // 3
                line(cells(bad.get(1), CatalogSamples.gtin(), "PI-1", 100), "priceFen", "12.5"),        // 4
                line(cells(bad.get(2), CatalogSamples.gtin(), "PI-1", 100), "vatRate", "13%"),          // 5
                line(cells(bad.get(3), CatalogSamples.gtin(), "NOWHERE", 100), "hsCode", "19011010"),   // 6
                line(good, CatalogSamples.gtin(), "PI-1", 200),                                         // 7
                line(bad.get(4), taken, "PI-1", 100),                                                   // 8
                line(cells(bad.get(5), CatalogSamples.gtin(), "PI-1", 100), "itemRecordNo", ""),        // 9
                line(cells("bad sku/1", CatalogSamples.gtin(), "PI-1", 100), "tradeMode", "9710"),      // 10
                line(cells(bad.get(6), "6901234567890", "PI-1", -5), "netWeightKg", "2")));             // 11

        Map<String, Object> job = imports.imported(token(), file);

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("total", 10).containsEntry("done", 1)
                .containsEntry("failed", 9);
        assertThat(errors(job)).containsExactly(
                "3 categoryPath UNKNOWN_CATEGORY", "4 priceFen WHOLE_NUMBER", "5 vatRate DECIMAL_FORM",
                "6 hsCode HS_CODE_FORM", "6 warehouseCode UNKNOWN_WAREHOUSE", "7 sku DUPLICATE_SKU", "8 gtin GTIN_TAKEN",
                "9 itemRecordNo ITEM_RECORD_NO_REQUIRED", "10 sku SKU_FORM", "10 tradeMode TRADE_MODE",
                "11 gtin GTIN_CHECK_DIGIT", "11 netWeightKg NET_WEIGHT_ABOVE_GROSS", "11 priceFen PRICE_POSITIVE");
        assertThat(api.expect(200, api.get("/api/v1/products/" + good, token()))).containsEntry("priceFen", 100);
        for (String refused : bad) {
            api.expectProblem(404, api.get("/api/v1/products/" + refused, token()));
        }
        assertThat(api.expect(200, api.get("/api/v1/products/" + owner, token()))).containsEntry("gtin", taken);
    }

    @Test
    void a_file_without_the_expected_header_fails_the_job_before_any_row_changes_anything() {
        String shop = sku("HD");
        byte[] file = csv(HEADER.replace("priceFen", "price"), List.of(line(shop, CatalogSamples.gtin(), "PI-1", 100)),
                StandardCharsets.UTF_8);

        Map<String, Object> job = imports.imported(token(), file);

        assertThat(job).containsEntry("status", "FAILED").containsEntry("done", 0);
        assertThat((String) job.get("message")).contains("UNKNOWN_COLUMN").contains("'price'");
        api.expectProblem(404, api.get("/api/v1/products/" + shop, token()));
    }

    @Test
    void gb18030_and_utf8_with_a_bom_import_their_chinese_text_and_other_encodings_are_refused() {
        String gb = sku("GB");
        String bom = sku("BOM");
        String utf16 = sku("U16");

        Map<String, Object> fromExcel = imports.imported(token(), csv(HEADER, List.of(line(gb, CatalogSamples.gtin(), "PI-1", 100)),
                Charset.forName("GB18030")));
        byte[] withBom = csv(HEADER, List.of(line(bom, CatalogSamples.gtin(), "PI-1", 100)), StandardCharsets.UTF_8);
        byte[] bomFile = new byte[withBom.length + 3];
        bomFile[0] = (byte) 0xEF;
        bomFile[1] = (byte) 0xBB;
        bomFile[2] = (byte) 0xBF;
        System.arraycopy(withBom, 0, bomFile, 3, withBom.length);
        Map<String, Object> fromBom = imports.imported(token(), bomFile);

        assertThat(fromExcel).containsEntry("status", "SUCCEEDED").containsEntry("done", 1);
        assertThat(fromBom).containsEntry("status", "SUCCEEDED").containsEntry("done", 1);
        assertThat(api.expect(200, api.get("/api/v1/products/" + gb, token()))).containsEntry("nameZh", "澳洲 A2 婴儿配方奶粉 900g")
                .containsEntry("categoryPath", "母婴/奶粉/婴儿奶粉");
        assertThat(api.expect(200, api.get("/api/v1/products/" + bom, token()))).containsEntry("descriptionZh", "适合 0-6 个月婴儿");

        HttpResponse<String> sent = imports.upload(token(), "products.csv", "text/csv",
                csv(HEADER, List.of(line(utf16, CatalogSamples.gtin(), "PI-1", 100)), StandardCharsets.UTF_16LE));
        if (sent.statusCode() == 202) {
            Map<String, Object> job = imports.finished((String) api.json(sent).get("jobId"), token());
            assertThat(job).containsEntry("status", "FAILED");
            assertThat((String) job.get("message")).containsAnyOf("ENCODING", "NOT_TEXT");
        } else {
            api.expectProblem(400, sent);
        }
        api.expectProblem(404, api.get("/api/v1/products/" + utf16, token()));
    }

    @Test
    void an_xlsx_file_imports_like_a_csv() {
        String sku = sku("XL");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (TabularWriter.TabularSheet sheet = vitrine.bean(TabularWriter.class).open(xlsx, TabularFormat.XLSX,
                List.of(HEADER.split(",")))) {
            sheet.row(cells(sku, CatalogSamples.gtin(), "PI-1", 4321));
        }

        Map<String, Object> job = imports.imported(token(), "products.xlsx", xlsx.toByteArray());

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("done", 1);
        assertThat(api.expect(200, api.get("/api/v1/products/" + sku, token()))).containsEntry("priceFen", 4321);
    }

    @Test
    void a_zip_bomb_posing_as_xlsx_fails_the_job_and_imports_nothing() {
        String sku = sku("ZB");
        String[][] rows = {HEADER.split(","), cells(sku, CatalogSamples.gtin(), "PI-1", 100).toArray(String[]::new)};
        byte[] bomb = TabularFiles.minimalXlsx(rows, 64L * 1024 * 1024);
        assertThat(bomb.length).as("tiny on the wire").isLessThan(256 * 1024);

        Map<String, Object> job = imports.imported(token(), "products.xlsx", bomb);

        assertThat(job).containsEntry("status", "FAILED").containsEntry("done", 0);
        assertThat((String) job.get("message")).contains("ZIP_BOMB");
        api.expectProblem(404, api.get("/api/v1/products/" + sku, token()));
    }

    @Test
    void only_retailer_admins_import_files_of_at_most_64mb() {
        byte[] file = csv(List.of(line(sku("RL"), CatalogSamples.gtin(), "PI-1", 100)));
        assertThat(imports.upload(null, "products.csv", "text/csv", file).statusCode()).isEqualTo(401);
        api.expectProblem(403, imports.upload(park.admin().token(), "products.csv", "text/csv", file));
        api.expectProblem(400, imports.upload(token(), "products.pdf", "application/pdf", SampleCodes.pdf()));

        // vitrine.catalog.import.max-file-size is 64MB: 70 MB handed to the import is refused after reading just past
        // the limit (the web server holds no more: parts are spooled to disk), and no job is queued
        long jobsBefore = count("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?", merchant);
        CountingStream seventy = new CountingStream(70L * 1024 * 1024);
        assertThatThrownBy(() -> TenantContext.runAs(TenantId.of(merchant.id()), () -> vitrine.bean(ProductImport.class)
                .submit(Actor.staff("test-staff", merchant.admin().username(), StaffRole.RETAILER_ADMIN,
                        TenantId.of(merchant.id())), "products.csv", "text/csv", seventy)))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("at most");
        assertThat(seventy.served).isBetween(64L * 1024 * 1024, 64L * 1024 * 1024 + 64 * 1024);
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?", merchant)).isEqualTo(jobsBefore);
    }

    /**
     * A request declaring more than the server's limit (micronaut.server.max-request-size, 66MB: the import's 64MB
     * and the multipart envelope) is answered 413 problem+json from its headers alone: not one byte of the body
     * is sent, and nothing is queued.
     */
    @Test
    void an_upload_over_the_request_limit_is_answered_413_before_its_body_is_sent_and_changes_nothing() throws Exception {
        long jobsBefore = count("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?", merchant);

        ProductImports.RawAnswer answer = imports.declareOnly(token(), 100L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":413");
        assertThat(count("SELECT COUNT(*) FROM jobs WHERE tenant_id = ?", merchant)).isEqualTo(jobsBefore);
    }

    /** {@code size} bytes of 'a', produced as they are read, counting how many were. */
    private static final class CountingStream extends java.io.InputStream {
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            served += n;
            return n;
        }
    }

    /**
     * The runner is at-least-once: an attempt may die after some batches committed. The next attempt must create
     * only what is missing, without duplicates.
     */
    @Test
    void a_job_run_again_after_dying_midway_creates_only_what_is_missing() {
        String prefix = sku("AL");
        byte[] file = csv(IntStream.range(0, 600).mapToObj(i -> line(prefix + "-" + i, CatalogSamples.gtin(), "PI-1", 100 + i))
                .toList());
        TenantId tenant = TenantId.of(merchant.id());
        String fileId = vitrine.bean(FileStorage.class).store(tenant, "tabular", "products.csv", "text/csv",
                new ByteArrayInputStream(file)).id();
        String jobId = UUID.randomUUID().toString();
        ProductImportJob handler = vitrine.bean(ProductImportJob.class);

        RecordingJobRun dying = new RecordingJobRun(jobId, tenant, fileId, merchant.admin().username(), 1);
        TenantContext.runAs(tenant, () -> {
            try {
                handler.run(dying);
                throw new AssertionError("the first attempt should have died");
            } catch (JobStoppedException expected) {
                // the runner lost the job after the first batch committed
            }
        });
        assertThat(count("SELECT COUNT(*) FROM products WHERE tenant_id = ? AND sku LIKE '" + prefix + "-%'", merchant))
                .isEqualTo(500);

        RecordingJobRun second = new RecordingJobRun(jobId, tenant, fileId, merchant.admin().username(), Integer.MAX_VALUE);
        TenantContext.runAs(tenant, () -> handler.run(second));

        assertThat(second.message).isEqualTo("600 rows: 100 products created, 0 changed, 500 unchanged, 0 rows refused");
        assertThat(second.done).isEqualTo(600);
        assertThat(count("SELECT COUNT(*) FROM products WHERE tenant_id = ? AND sku LIKE '" + prefix + "-%'", merchant))
                .isEqualTo(600);
        assertThat(count("SELECT COUNT(DISTINCT business_key) FROM outbox_events WHERE tenant_id = ? AND business_key LIKE '"
                + prefix + "-%'", merchant)).isEqualTo(600);
    }

    @Test
    void an_export_in_either_format_imports_back_without_any_change() {
        for (String format : List.of("csv", "xlsx")) {
            HttpResponse<byte[]> exported = imports.export(big.admin().token(), format);
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith(TabularFormat.named(format).orElseThrow().contentType()));
            assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                    assertThat(d).contains("attachment").contains("." + format));
            long events = count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ?", big);

            Map<String, Object> job = imports.imported(big.admin().token(), "products." + format, exported.body());

            assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("failed", 0);
            assertThat((String) job.get("message")).as(format).startsWith(BIG + " rows: 0 products created, 0 changed, "
                    + BIG + " unchanged");
            assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ?", big)).isEqualTo(events);
        }
        String csv = new String(imports.export(big.admin().token(), "csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF" + HEADER + "\r\n").contains("BIG-00001,").contains("澳洲 A2 婴儿配方奶粉 900g")
                .doesNotContain(merchant.id());
        assertThat(csv.lines().count()).isEqualTo(BIG + 1);
    }

    @Test
    void an_unknown_export_format_is_a_problem_and_a_store_manager_may_export_but_a_park_admin_may_not() {
        HttpResponse<byte[]> bad = imports.export(token(), "pdf");
        assertThat(bad.statusCode()).isEqualTo(400);
        String problem = new String(bad.body(), StandardCharsets.UTF_8);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(problem).contains("\"format\"").contains("EXPORT_FORMAT");
        assertThat(imports.export(null, "csv").statusCode()).isEqualTo(401);
        assertThat(imports.export(park.admin().token(), "csv").statusCode()).isEqualTo(403);
    }

    @Test
    void another_tenant_neither_sees_the_job_nor_exports_the_products_and_its_own_import_of_the_same_skus_is_its_own() {
        Merchant other = api.merchant(park);
        api.expectProblem(404, api.get("/api/v1/jobs/" + bigJob.get("jobId"), other.admin().token()));
        String otherExport = new String(imports.export(other.admin().token(), "csv").body(), StandardCharsets.UTF_8);
        assertThat(otherExport.strip()).isEqualTo("\uFEFF" + HEADER);

        Map<String, Object> job = imports.imported(other.admin().token(), csv(List.of(line("BIG-00001", CatalogSamples.gtin(),
                "PI-1", 1))));

        assertThat((String) job.get("message")).startsWith("1 rows: 1 products created");
        assertThat(api.expect(200, api.get("/api/v1/products/BIG-00001", big.admin().token()))).containsEntry("priceFen", 10_001);
        assertThat(api.expect(200, api.get("/api/v1/products/BIG-00001", other.admin().token()))).containsEntry("priceFen", 1);
    }

    // ---- helpers

    private Optional<SearchHit> awaitHit(Merchant owner, String sku) {
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < giveUp) {
            Optional<SearchHit> hit = vitrine.bean(CatalogSearch.class).search(TenantId.of(owner.id()), SearchQuery.text(sku))
                    .items().stream().filter(h -> h.sku().equals(sku)).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String token() {
        return merchant.admin().token();
    }

    private static String sku(String prefix) {
        return SampleCodes.unique(prefix).toUpperCase();
    }

    private long count(String sql, Merchant owner) {
        return Long.parseLong(Rows.column(vitrine, sql, owner.id()).get(0));
    }
}
