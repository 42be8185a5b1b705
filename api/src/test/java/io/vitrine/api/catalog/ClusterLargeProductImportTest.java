package io.vitrine.api.catalog;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.vitrine.api.catalog.ProductImports.HEADER;
import static io.vitrine.api.catalog.ProductImports.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large product files over HTTP in cluster mode (MariaDB, files in the database in chunks): a 30,000-row CSV
 * imports whole through the batched writes, one audit entry and one {@code ProductChanged} event per product;
 * a 50 MB file that is no product file is received (past the old 10MB request limit and MariaDB's 16MB packet)
 * and refused clearly by its job, importing nothing.
 */
@ExtendWith(ClusterVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterLargeProductImportTest {

    private static final int ROWS = 30_000;

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ProductImports imports;
    private Merchant merchant;

    ClusterLargeProductImportTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.imports = new ProductImports(vitrine, api);
    }

    @BeforeAll
    void aMerchantWithABondedWarehouse() {
        Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "LI-1", "name", "Large import bonded", "emsNo", "T5349W8", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
    }

    /**
     * The search feed's pace is not what this class tests: the 30,000 deliveries it has not made yet are dropped,
     * so that the application shared with other suites is left without a backlog (their freshness checks would
     * wait behind it).
     */
    @AfterAll
    void leaveNoBacklog() {
        Rows.update(vitrine, "DELETE d FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id "
                + "WHERE e.tenant_id = ? AND d.status = 'PENDING'", merchant.id());
    }

    @Test
    void a_30000_row_csv_uploaded_over_http_imports_every_product_with_one_audit_entry_and_one_event_each() {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        List<String> gtins = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            String gtin = gtin(i);
            gtins.add(gtin);
            csv.append(line(String.format(Locale.ROOT, "LG-%06d", i), gtin, "LI-1", 1_000 + i)).append("\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        Map<String, Object> job = imports.imported(token(), file);

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("total", ROWS).containsEntry("done", ROWS)
                .containsEntry("failed", 0);
        assertThat((String) job.get("message")).isEqualTo(ROWS + " rows: " + ROWS + " products created, 0 changed, "
                + "0 unchanged, 0 rows refused");
        assertThat(count("SELECT COUNT(*) FROM products WHERE tenant_id = ?")).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(DISTINCT gtin) FROM products WHERE tenant_id = ?")).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND action = 'PRODUCT_CREATED'"))
                .isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(DISTINCT business_key) FROM outbox_events WHERE tenant_id = ? "
                + "AND event_type = 'catalog.ProductChanged'")).isEqualTo(ROWS);
        // the event's payload keeps its shape: the tenant and the SKU, one event per product
        assertThat(Rows.column(vitrine, "SELECT payload FROM outbox_events WHERE tenant_id = ? AND business_key = ?",
                merchant.id(), "LG-012345")).containsExactly("{\"tenant\":{\"value\":\"" + merchant.id()
                + "\"},\"sku\":\"LG-012345\"}");
        Map<String, Object> last = api.expect(200, api.get("/api/v1/products/LG-030000", token()));
        assertThat(last).containsEntry("gtin", gtins.get(ROWS - 1)).containsEntry("priceFen", 31_000)
                .containsEntry("warehouseCode", "LI-1");
    }

    @Test
    void a_50_mb_file_that_is_no_product_file_is_received_and_its_job_fails_clearly_importing_nothing() {
        long size = 50L * 1024 * 1024;
        long productsBefore = count("SELECT COUNT(*) FROM products WHERE tenant_id = ?");

        String jobId = (String) api.expect(202, imports.upload(token(), "products.csv", "text/csv", size,
                () -> new Letters(size))).get("jobId");
        Map<String, Object> job = imports.finished(jobId, token());

        assertThat(job).containsEntry("status", "FAILED").containsEntry("done", 0);
        assertThat((String) job.get("message")).containsAnyOf("UNKNOWN_COLUMN", "MISSING_COLUMN", "ENCODING");
        assertThat(count("SELECT COUNT(*) FROM products WHERE tenant_id = ?")).isEqualTo(productsBefore);
        assertThat(count("SELECT MAX(size_bytes) FROM stored_files WHERE tenant_id = ?")).isEqualTo(size);
    }

    private String token() {
        return merchant.admin().token();
    }

    private long count(String sql) {
        return Long.parseLong(Rows.column(vitrine, sql, merchant.id()).get(0));
    }

    /** An EAN-13 "68" + the row number, with its check digit. */
    private static String gtin(int i) {
        String body = "68" + String.format(Locale.ROOT, "%010d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** {@code size} bytes of lines of letters (text, but no product header), made as they are read. */
    private static final class Letters extends InputStream {
        private static final byte[] LINE = "abcdefghijklmnopqrstuvwxyz,abcdefghijklmnopqrstuvwxyz\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long served;

        Letters(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return served >= size ? -1 : LINE[(int) (served++ % LINE.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - served);
            for (int k = 0; k < n; k++) {
                buffer[offset + k] = LINE[(int) (served++ % LINE.length)];
            }
            return n;
        }
    }
}
