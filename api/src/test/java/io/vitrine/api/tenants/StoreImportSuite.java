package io.vitrine.api.tenants;

import io.vitrine.api.tenants.StoreImports.Credential;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.JobResultDownload;
import io.vitrine.kernel.jobs.JobStatus;
import io.vitrine.kernel.jobs.JobStoppedException;
import io.vitrine.kernel.jobs.OneTimeJobResults;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.devices.signing.CanonicalRequest;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tenants.stores.provisioning.CredentialsPurge;
import io.vitrine.tenants.stores.provisioning.StoreImportJob;
import io.vitrine.tenants.stores.provisioning.StoreImportSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.vitrine.api.tenants.StoreImports.HEADER;
import static io.vitrine.api.tenants.StoreImports.csv;
import static io.vitrine.api.tenants.StoreImports.store;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk provisioning (issue #3): {@code POST /api/v1/stores:import} of CSV and XLSX files, run by the
 * application's own job runner, embedded (H2, local files) and on the cluster services (MariaDB, files in
 * the database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreImportSuite {

    private static final int BIG = 2000;

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final StoreImports imports;
    private Park park;
    private Merchant merchant;
    private Merchant big;
    private Merchant otherPark;
    private byte[] bigFile;
    private String bigJob;
    private Map<String, Object> bigJobView;
    private List<Credential> bigCredentials;
    private Map<String, String> devicesAfterFirstImport;

    StoreImportSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.imports = new StoreImports(vitrine, api);
    }

    /**
     * Two merchants in a park with two warehouses (one of them imports the 2000-store file and downloads its
     * credentials here), and a merchant of another park.
     */
    @BeforeAll
    void aMerchantImports2000Stores() {
        park = api.park();
        for (String code : List.of("IM-01", "IM-02")) {
            api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                    Map.of("code", code, "name", "Import bonded " + code, "emsNo", "T5349W3", "customsCode", "5349",
                            "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        }
        merchant = api.merchant(park);
        big = api.merchant(park);
        Park other = api.park();
        api.expect(201, api.post("/api/v1/parks/" + other.slug() + "/warehouses", other.admin().token(),
                Map.of("code", "OT-01", "name", "Other park's", "emsNo", "T5349W4", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        otherPark = api.merchant(other);

        bigFile = csv(HEADER, IntStream.rangeClosed(1, BIG)
                .mapToObj(i -> store(String.format("B%05d", i), i % 2 == 0 ? "IM-01" : "IM-02", 1, 1)).toList());
        bigJob = imports.submit(bigToken(), bigFile);
        bigJobView = imports.finished(bigJob, bigToken());
        HttpResponse<byte[]> download = imports.download(bigJob, bigToken());
        assertThat(download.statusCode()).as(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        bigCredentials = StoreImports.credentials(download.body());
        devicesAfterFirstImport = deviceRows();
    }

    @Test
    void a_2000_store_file_creates_every_store_with_one_kiosk_and_one_pos() {
        assertThat(bigJobView).containsEntry("status", "SUCCEEDED").containsEntry("total", BIG)
                .containsEntry("done", BIG).containsEntry("failed", 0)
                .containsEntry("resultUrl", "/api/v1/jobs/" + bigJob + "/result");
        assertThat((List<?>) bigJobView.get("errors")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM stores WHERE tenant_id = ?", big)).isEqualTo(BIG);
        assertThat(count("SELECT COUNT(DISTINCT store_code) FROM devices WHERE tenant_id = ? AND kind = 'KIOSK'", big)).isEqualTo(BIG);
        assertThat(count("SELECT COUNT(*) FROM devices WHERE tenant_id = ? AND kind = 'KIOSK'", big)).isEqualTo(BIG);
        assertThat(count("SELECT COUNT(*) FROM devices WHERE tenant_id = ? AND kind = 'POS'", big)).isEqualTo(BIG);
        assertThat(api.expect(200, api.get("/api/v1/stores/B00042", bigToken())))
                .containsEntry("warehouseCode", "IM-01").containsEntry("kind", "CONVENIENCE_STORE").containsEntry("district", "440305");
    }

    @Test
    void the_credentials_file_holds_every_new_device_once_and_they_work() {
        assertThat(bigCredentials).hasSize(2 * BIG);
        assertThat(bigCredentials.stream().map(Credential::deviceKey).distinct()).hasSize(2 * BIG);
        assertThat(bigCredentials).filteredOn(c -> c.kind().equals("POS")).allSatisfy(c -> {
            assertThat(c.secret()).hasSize(43);
            assertThat(c.pairingCode()).isEmpty();
        });
        Credential row7 = bigCredentials.stream().filter(c -> c.row() == 7 && c.kind().equals("KIOSK")).findFirst().orElseThrow();
        assertThat(row7.storeCode()).isEqualTo("B00006");
        assertThat(row7.secret()).isEmpty();
        assertThat(devicesAfterFirstImport.get(row7.deviceKey()))
                .endsWith(CanonicalRequest.sha256Hex(row7.pairingCode().getBytes(StandardCharsets.UTF_8)));
        Credential pos = bigCredentials.stream().filter(c -> c.kind().equals("POS")).findFirst().orElseThrow();
        assertThat(whoami(pos).statusCode()).isEqualTo(200);
    }

    @Test
    void the_credentials_file_is_handed_out_once_then_answers_410() {
        HttpResponse<byte[]> again = imports.download(bigJob, bigToken());

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(TenantsApi.PROBLEM_JSON));
        assertThat(count("SELECT COUNT(*) FROM issued_credentials WHERE tenant_id = ?", big)).isZero();
        assertThat(count("SELECT COUNT(*) FROM credential_files WHERE tenant_id = ?", big)).isZero();
    }

    @Test
    void the_sealed_credentials_never_sit_in_clear() {
        String job = imports.submit(token(), csv(HEADER, List.of(store(code("SEAL"), "IM-01", 1, 1))));
        imports.finished(job, token());
        String fileId = Rows.column(vitrine, "SELECT file_id FROM credential_files WHERE job_id = ?", job).get(0);
        byte[] stored = readAll(vitrine.bean(FileStorage.class).open(TenantId.of(merchant.id()), fileId).orElseThrow().stream());
        List<String> sealedCells = Rows.column(vitrine, "SELECT credential_sealed FROM issued_credentials WHERE job_id = ?", job);

        List<Credential> handedOut = StoreImports.credentials(imports.download(job, token()).body());

        assertThat(new String(stored, StandardCharsets.US_ASCII)).startsWith("v1:");
        assertThat(sealedCells).hasSize(2).allSatisfy(cell -> assertThat(cell).startsWith("v1:"));
        for (Credential c : handedOut) {
            String secret = c.secret().isEmpty() ? c.pairingCode() : c.secret();
            assertThat(new String(stored, StandardCharsets.US_ASCII)).doesNotContain(secret);
            assertThat(sealedCells).noneMatch(cell -> cell.contains(secret));
        }
    }

    @Test
    void uploading_the_same_file_again_changes_nothing_and_keeps_every_credential() {
        String storesBefore = String.join("|", Rows.column(vitrine,
                "SELECT CONCAT(code, ':', updated_at) FROM stores WHERE tenant_id = ? ORDER BY code", big.id()));

        Map<String, Object> again = imports.imported(bigToken(), bigFile);

        assertThat(again).containsEntry("status", "SUCCEEDED").containsEntry("done", BIG).containsEntry("failed", 0);
        assertThat(again.get("resultUrl")).isNull();
        assertThat((String) again.get("message")).contains("0 stores created, 0 changed, " + BIG + " unchanged")
                .contains("0 kiosks and 0 POS added");
        assertThat(deviceRows()).isEqualTo(devicesAfterFirstImport);
        assertThat(String.join("|", Rows.column(vitrine,
                "SELECT CONCAT(code, ':', updated_at) FROM stores WHERE tenant_id = ? ORDER BY code", big.id())))
                .isEqualTo(storesBefore);
        Credential pos = bigCredentials.stream().filter(c -> c.kind().equals("POS") && c.row() == BIG + 1).findFirst().orElseThrow();
        assertThat(whoami(pos).statusCode()).isEqualTo(200);
        Credential kiosk = bigCredentials.stream().filter(c -> c.kind().equals("KIOSK") && c.row() == 2).findFirst().orElseThrow();
        assertThat(api.post("/s/" + big.slug() + "/kiosk/" + kiosk.storeCode() + "/pair", null,
                Map.of("pairingCode", kiosk.pairingCode())).statusCode()).isEqualTo(200);
    }

    @Test
    void a_changed_row_changes_only_its_store_and_devices_are_only_ever_added() {
        String a = code("CH");
        String b = code("CH");
        imports.imported(token(), csv(HEADER, List.of(store(a, "IM-01", 2, 1), store(b, "IM-01", 1, 1))));
        String bBefore = Rows.column(vitrine, "SELECT updated_at FROM stores WHERE code = ?", b).get(0);

        String job = imports.submit(token(), csv(HEADER, List.of(
                store(a, "IM-02", 1, 0).replace("Store " + a, "Renamed " + a),
                store(b, "IM-01", 3, 1))));
        Map<String, Object> changed = imports.finished(job, token());

        assertThat((String) changed.get("message")).contains("0 stores created, 1 changed, 1 unchanged")
                .contains("2 kiosks and 0 POS added");
        assertThat(api.expect(200, api.get("/api/v1/stores/" + a, token())))
                .containsEntry("name", "Renamed " + a).containsEntry("warehouseCode", "IM-02");
        assertThat(Rows.column(vitrine, "SELECT updated_at FROM stores WHERE code = ?", b)).containsExactly(bBefore);
        assertThat(Rows.column(vitrine, "SELECT kind FROM devices WHERE store_code = ? ORDER BY kind", a))
                .containsExactly("KIOSK", "KIOSK", "POS");
        assertThat(Rows.column(vitrine, "SELECT kind FROM devices WHERE store_code = ? ORDER BY kind", b))
                .containsExactly("KIOSK", "KIOSK", "KIOSK", "POS");
        assertThat(StoreImports.credentials(imports.download(job, token()).body()))
                .extracting(c -> c.storeCode() + ":" + c.kind() + ":" + c.row())
                .containsExactly(b + ":KIOSK:3", b + ":KIOSK:3");
    }

    @Test
    void a_revoked_device_does_not_count_so_importing_again_replaces_it() {
        String shop = code("RV");
        String job = imports.submit(token(), csv(HEADER, List.of(store(shop, "IM-01", 1, 0))));
        imports.finished(job, token());
        String lost = StoreImports.credentials(imports.download(job, token()).body()).get(0).deviceKey();
        assertThat(api.send("DELETE", "/api/v1/devices/" + lost, token(), null).statusCode()).isEqualTo(204);

        String again = imports.submit(token(), csv(HEADER, List.of(store(shop, "IM-01", 1, 0))));
        imports.finished(again, token());

        List<Credential> replacement = StoreImports.credentials(imports.download(again, token()).body());
        assertThat(replacement).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("KIOSK");
            assertThat(c.deviceKey()).isNotEqualTo(lost);
        });
    }

    @Test
    void bad_rows_are_refused_with_their_row_field_and_rule_and_change_nothing() {
        String good = code("OK");
        String also = code("OK");
        List<String> codes = IntStream.range(0, 9).mapToObj(i -> code("BAD")).toList();
        byte[] file = csv(HEADER, List.of(
                store(good, "IM-01", 0, 1),                                                  // row 2
                store(codes.get(0), "IM-01", 1, 0).replace("CONVENIENCE_STORE", "SUPERMARKET"), // 3
                store(codes.get(1), "NOWHERE", 1, 0),                                        // 4
                store(good, "IM-02", 1, 0).replace("Store " + good, "Second " + good),        // 5
                store(codes.get(2), "IM-01", 1, 0).replace("22.543096", "north"),            // 6
                store(codes.get(3), "IM-01", 1, 0).replace("22.543096", "95"),               // 7
                store(codes.get(4), "IM-01", 1, 0).replace("22.543096", ""),                 // 8
                store(codes.get(5), "IM-01", 21, 0),                                         // 9
                store(also, "IM-02", 1, 0),                                                  // 10
                store(codes.get(6), "OT-01", 1, 0),                                          // 11
                store(codes.get(7), "IM-01", 1, 0).replace("440305", "44030"),               // 12
                store(codes.get(8), "IM-01", 1, 0).replace("440305", "999999")));            // 13

        Map<String, Object> job = imports.imported(token(), file);

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("total", 12).containsEntry("done", 2)
                .containsEntry("failed", 10);
        assertThat(errors(job)).containsExactly(
                "3 kind NOT_ONE_OF", "4 warehouseCode UNKNOWN_WAREHOUSE", "5 code DUPLICATE_CODE", "6 lat DECIMAL_FORM",
                "7 lat LATITUDE_RANGE", "8 lat COORDINATES_PAIR", "9 kiosks KIOSK_COUNT_RANGE",
                "11 warehouseCode UNKNOWN_WAREHOUSE", "12 district DISTRICT_CODE_FORM", "13 district UNKNOWN_DISTRICT");
        assertThat(api.expect(200, api.get("/api/v1/stores/" + good, token())))
                .containsEntry("name", "Store " + good).containsEntry("warehouseCode", "IM-01");
        assertThat(Rows.column(vitrine, "SELECT kind FROM devices WHERE store_code = ?", good)).containsExactly("POS");
        assertThat(Rows.column(vitrine, "SELECT kind FROM devices WHERE store_code = ?", also)).containsExactly("KIOSK");
        for (String refused : codes) {
            api.expectProblem(404, api.get("/api/v1/stores/" + refused, token()));
            assertThat(Rows.column(vitrine, "SELECT device_key FROM devices WHERE store_code = ?", refused)).isEmpty();
        }
    }

    @Test
    void a_file_without_the_expected_header_fails_the_job_and_changes_nothing() {
        String shop = code("HD");
        byte[] file = csv(HEADER.replace("kind", "type"), List.of(store(shop, "IM-01", 1, 1)));

        Map<String, Object> job = imports.imported(token(), file);

        assertThat(job).containsEntry("status", "FAILED").containsEntry("done", 0);
        assertThat((String) job.get("message")).contains("UNKNOWN_COLUMN").contains("'type'");
        api.expectProblem(404, api.get("/api/v1/stores/" + shop, token()));
    }

    @Test
    void a_gb18030_csv_from_excel_on_chinese_windows_imports_its_chinese_names() {
        String shop = code("GB");
        byte[] file = csv(HEADER, List.of(shop + ",前海旗舰店,EXPERIENCE_STORE,深圳市南山区前海路1号,440305,,,IM-01,1,0"),
                Charset.forName("GB18030"));

        Map<String, Object> job = imports.imported(token(), file);

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("done", 1);
        assertThat(api.expect(200, api.get("/api/v1/stores/" + shop, token())))
                .containsEntry("name", "前海旗舰店").containsEntry("address", "深圳市南山区前海路1号")
                .containsEntry("kind", "EXPERIENCE_STORE");
    }

    @Test
    void an_xlsx_file_imports_like_a_csv() {
        String shop = code("XL");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (TabularWriter.TabularSheet sheet = vitrine.bean(TabularWriter.class).open(xlsx, TabularFormat.XLSX,
                List.of(HEADER.split(",")))) {
            sheet.row(List.of(store(shop, "IM-02", 2, 1).split(",")));
        }

        String job = (String) api.expect(202, imports.upload(token(), "stores.xlsx", "application/octet-stream",
                xlsx.toByteArray())).get("jobId");

        assertThat(imports.finished(job, token())).containsEntry("status", "SUCCEEDED").containsEntry("done", 1);
        assertThat(Rows.column(vitrine, "SELECT kind FROM devices WHERE store_code = ? ORDER BY kind", shop))
                .containsExactly("KIOSK", "KIOSK", "POS");
    }

    @Test
    void another_tenant_finds_neither_the_job_nor_its_credentials() {
        String job = imports.submit(token(), csv(HEADER, List.of(store(code("IS"), "IM-01", 1, 0))));
        imports.finished(job, token());

        api.expectProblem(404, api.get("/api/v1/jobs/" + job, otherPark.admin().token()));
        HttpResponse<byte[]> taken = imports.download(job, otherPark.admin().token());

        assertThat(taken.statusCode()).isEqualTo(404);
        assertThat(imports.download(job, token()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_colleague_follows_the_job_but_only_the_uploader_takes_the_credentials() {
        String username = SampleCodes.unique("colleague");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", token(),
                Map.of("username", username, "role", "RETAILER_ADMIN", "storeCodes", List.of())));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "colleague-password-1")));
        String colleague = api.login(username, "colleague-password-1");
        String job = imports.submit(token(), csv(HEADER, List.of(store(code("CO"), "IM-01", 0, 1))));
        imports.finished(job, token());

        assertThat(api.expect(200, api.get("/api/v1/jobs/" + job, colleague))).containsEntry("status", "SUCCEEDED");
        assertThat(imports.download(job, colleague).statusCode()).isEqualTo(404);

        assertThat(StoreImports.credentials(imports.download(job, token()).body())).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo("POS"));
    }

    @Test
    void only_retailer_admins_import_a_csv_or_xlsx_of_at_most_8mb() {
        byte[] file = csv(HEADER, List.of(store(code("RL"), "IM-01", 0, 0)));
        assertThat(imports.upload(null, "stores.csv", "text/csv", file).statusCode()).isEqualTo(401);
        api.expectProblem(403, imports.upload(park.admin().token(), "stores.csv", "text/csv", file));
        api.expectProblem(400, imports.upload(token(), "stores.pdf", "application/pdf", SampleCodes.pdf()));

        byte[] overTheLimit = new byte[9 * 1024 * 1024]; // vitrine.stores.import.max-file-size is 8MB
        java.util.Arrays.fill(overTheLimit, (byte) 'a');
        api.expectProblem(413, imports.upload(token(), "stores.csv", "text/csv", overTheLimit));
    }

    @Test
    void credentials_nobody_downloaded_are_purged_after_their_time() {
        String job = imports.submit(token(), csv(HEADER, List.of(store(code("PG"), "IM-01", 1, 1))));
        imports.finished(job, token());
        String fileId = Rows.column(vitrine, "SELECT file_id FROM credential_files WHERE job_id = ?", job).get(0);
        Instant later = vitrine.bean(Clock.class).instant().plus(vitrine.bean(StoreImportSettings.class).credentialsTtl())
                .plusSeconds(1);

        assertThat(vitrine.bean(CredentialsPurge.class).purgeAsOf(later)).isPositive();

        assertThat(imports.download(job, token()).statusCode()).isEqualTo(410);
        assertThat(Rows.column(vitrine, "SELECT id FROM issued_credentials WHERE job_id = ?", job)).isEmpty();
        assertThat(vitrine.bean(FileStorage.class).open(TenantId.of(merchant.id()), fileId)).isEmpty();
    }

    /**
     * The runner is at-least-once: an attempt may die after some batches committed. The next attempt must
     * add only what is missing and still hand out the credentials the dead attempt created.
     */
    @Test
    void a_job_run_again_after_dying_midway_adds_only_what_is_missing_and_hands_out_every_credential() {
        List<String> codes = IntStream.range(0, 250).mapToObj(i -> code("AL")).toList();
        byte[] file = csv(HEADER, codes.stream().map(c -> store(c, "IM-01", 1, 0)).toList());
        TenantId tenant = TenantId.of(merchant.id());
        String fileId = vitrine.bean(FileStorage.class).store(tenant, "tabular", "stores.csv", "text/csv",
                new ByteArrayInputStream(file)).id();
        String jobId = UUID.randomUUID().toString();
        StoreImportJob handler = vitrine.bean(StoreImportJob.class);

        RecordingJobRun dying = new RecordingJobRun(jobId, tenant, fileId, merchant.admin().username(), 1);
        TenantContext.runAs(tenant, () -> {
            try {
                handler.run(dying);
                throw new AssertionError("the first attempt should have died");
            } catch (JobStoppedException expected) {
                // the runner lost the job after the first batch committed
            }
        });
        assertThat(count("SELECT COUNT(*) FROM devices WHERE tenant_id = ? AND store_code LIKE 'AL%'")).isEqualTo(100);

        RecordingJobRun second = new RecordingJobRun(jobId, tenant, fileId, merchant.admin().username(), Integer.MAX_VALUE);
        TenantContext.runAs(tenant, () -> handler.run(second));

        assertThat(second.message).contains("150 stores created, 0 changed, 100 unchanged").contains("150 kiosks");
        assertThat(count("SELECT COUNT(*) FROM devices WHERE tenant_id = ? AND store_code LIKE 'AL%'")).isEqualTo(250);
        OneTimeJobResults results = vitrine.context().getBeansOfType(OneTimeJobResults.class).stream()
                .filter(r -> r.kind().equals(StoreImportJob.KIND)).findFirst().orElseThrow();
        Job job = new Job(jobId, tenant, StoreImportJob.KIND, JobStatus.SUCCEEDED, 250L, 250, 0, List.of(), 0,
                merchant.admin().username(), Instant.now(), null, null, 2, JobInput.file(fileId), second.resultFileId, null);
        JobResultDownload download = TenantContext.callAs(tenant, () -> results.take(job, merchant.admin().username()))
                .orElseThrow();
        assertThat(StoreImports.credentials(download.content())).extracting(Credential::deviceKey)
                .containsExactlyInAnyOrderElementsOf(Rows.column(vitrine,
                        "SELECT device_key FROM devices WHERE tenant_id = ? AND store_code LIKE 'AL%'", merchant.id()));
    }

    // ---- helpers

    private String token() {
        return merchant.admin().token();
    }

    private String bigToken() {
        return big.admin().token();
    }

    private static String code(String prefix) {
        return SampleCodes.unique(prefix).toUpperCase().replace("-", "");
    }

    private long count(String sql) {
        return count(sql, merchant);
    }

    private long count(String sql, Merchant of) {
        return Long.parseLong(Rows.column(vitrine, sql, of.id()).get(0));
    }

    /** The importing merchant's devices: key -> what identifies its credential (encrypted secret or pairing-code hash) and status. */
    private Map<String, String> deviceRows() {
        return Rows.column(vitrine, "SELECT CONCAT(device_key, '|', status, '|', COALESCE(secret_encrypted, ''), '|', "
                        + "COALESCE(pairing_code_hash, '')) FROM devices WHERE tenant_id = ?", big.id()).stream()
                .collect(Collectors.toMap(row -> row.substring(0, row.indexOf('|')), row -> row));
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(Map<String, Object> job) {
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> error : (List<Map<String, Object>>) job.get("errors")) {
            String message = (String) error.get("message");
            errors.add(error.get("row") + " " + error.get("field") + " " + message.substring(0, message.indexOf(':')));
        }
        return errors;
    }

    private HttpResponse<String> whoami(Credential pos) {
        RequestSigner.SignatureHeaders headers = new RequestSigner(vitrine.bean(Clock.class)).sign(pos.deviceKey(),
                pos.secret().getBytes(StandardCharsets.US_ASCII), "GET", "/pos/v1/whoami", new byte[0]);
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri("/pos/v1/whoami")).GET();
        headers.asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
