package io.vitrine.api.idempotency;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Application;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.SqlProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key on creating POSTs (api.md "Conventions"), run embedded (H2) and on the cluster
 * services (MariaDB): the store is the database in both, shared by every instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdempotencySuite {

    private static final String KEY = "Idempotency-Key";
    private static final String PROBE = "/test-only/idempotency/runs/";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final IdempotencyProbe probe;
    private final SqlProbe rows;
    private Park park;
    private Merchant merchantA;
    private Merchant merchantB;

    @SuppressWarnings("unchecked")
    IdempotencySuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.probe = vitrine.bean(IdempotencyProbe.class);
        this.rows = new SqlProbe(vitrine.context().getBean(Argument.of(TransactionOperations.class, Connection.class)));
    }

    @BeforeAll
    void aParkWithTwoMerchants() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "ID-01", "name", "Idempotent bonded", "emsNo", "T5349W8", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        merchantA = api.merchant(park);
        merchantB = api.merchant(park);
    }

    @Test
    void the_same_key_and_body_answer_the_recorded_result_and_run_nothing_again() {
        String name = SampleCodes.unique("replay");
        String key = newKey();

        HttpResponse<String> first = post(PROBE + name, null, Map.of("n", 1), key);
        HttpResponse<String> again = post(PROBE + name, null, Map.of("n", 1), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(Idempotent.REPLAYED)).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue(Idempotent.REPLAYED)).hasValue("true");
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(probe.runs(name)).isEqualTo(1);
    }

    @Test
    void a_store_sent_twice_with_one_key_is_created_once_and_answered_the_same() {
        String code = SampleCodes.unique("I").toUpperCase();
        String key = newKey();

        HttpResponse<String> first = post("/api/v1/stores", merchantA.admin().token(), store(code), key);
        HttpResponse<String> again = post("/api/v1/stores", merchantA.admin().token(), store(code), key);

        api.expect(201, first);
        api.expect(201, again);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(rows.count("SELECT COUNT(*) FROM stores WHERE tenant_id = ? AND code = ?", merchantA.id(), code)).isEqualTo(1);
        assertThat(rows.count("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ? AND action = 'STORE_CREATED' "
                + "AND subject_id = ?", merchantA.id(), code)).isEqualTo(1);
        // without the key, the same request is a new one: the code is taken
        api.expectProblem(409, api.post("/api/v1/stores", merchantA.admin().token(), store(code)));
    }

    @Test
    void an_upload_sent_twice_with_one_key_keeps_one_document_and_another_file_under_it_is_refused() {
        Application application = api.apply(park);
        int before = documents(application);
        String key = newKey();

        HttpResponse<String> first = upload(application, SampleCodes.pdf(), key);
        HttpResponse<String> again = upload(application, SampleCodes.pdf(), key);
        HttpResponse<String> otherFile = upload(application, (new String(SampleCodes.pdf(), StandardCharsets.ISO_8859_1) + "%extra")
                .getBytes(StandardCharsets.ISO_8859_1), key);

        api.expect(201, first);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue(Idempotent.REPLAYED)).hasValue("true");
        assertThat(api.json(again).get("documentId")).isEqualTo(api.json(first).get("documentId"));
        assertThat(api.expectProblem(422, otherFile)).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
        assertThat(documents(application)).isEqualTo(before + 1);
    }

    @Test
    void the_same_key_with_another_body_or_route_is_refused_with_422_and_runs_nothing() {
        String name = SampleCodes.unique("reuse");
        String key = newKey();
        api.expect(201, post(PROBE + name, null, Map.of("n", 1), key));

        HttpResponse<String> otherBody = post(PROBE + name, null, Map.of("n", 2), key);
        HttpResponse<String> otherRoute = post(PROBE + name + "-x", null, Map.of("n", 1), key);

        assertThat(api.expectProblem(422, otherBody)).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
        assertThat(api.expectProblem(422, otherRoute)).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
        assertThat(probe.runs(name)).isEqualTo(1);
        assertThat(probe.runs(name + "-x")).isZero();
    }

    @Test
    void a_repeat_while_the_first_still_runs_is_told_409_with_retry_after_and_then_gets_the_result() throws Exception {
        String name = SampleCodes.unique("inflight");
        String key = newKey();
        IdempotencyProbe.Gate gate = probe.gate(name);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> post(PROBE + name, null, Map.of("n", 1), key));
        gate.awaitEntered();

        HttpResponse<String> meanwhile = post(PROBE + name, null, Map.of("n", 1), key);
        gate.open();
        HttpResponse<String> finished = first.get();
        HttpResponse<String> afterwards = post(PROBE + name, null, Map.of("n", 1), key);

        assertThat(api.expectProblem(409, meanwhile)).containsEntry("code", "IDEMPOTENCY_KEY_IN_FLIGHT");
        assertThat(meanwhile.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        api.expect(201, finished);
        assertThat(afterwards.headers().firstValue(Idempotent.REPLAYED)).hasValue("true");
        assertThat(afterwards.body()).isEqualTo(finished.body());
        assertThat(probe.runs(name)).isEqualTo(1);
    }

    @Test
    void concurrent_requests_with_one_key_create_one_store() throws Exception {
        String code = SampleCodes.unique("C").toUpperCase();
        String key = newKey();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/stores", merchantA.admin().token(), store(code), key);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isIn(201, 409);
            if (answer.statusCode() == 409) {
                assertThat(api.json(answer)).containsEntry("code", "IDEMPOTENCY_KEY_IN_FLIGHT");
            }
        });
        assertThat(answers).filteredOn(a -> a.statusCode() == 201 && a.headers().firstValue(Idempotent.REPLAYED).isEmpty())
                .hasSize(1);
        assertThat(rows.count("SELECT COUNT(*) FROM stores WHERE tenant_id = ? AND code = ?", merchantA.id(), code)).isEqualTo(1);
    }

    @Test
    void a_malformed_key_is_refused_with_400_naming_the_header_and_runs_nothing() {
        String name = SampleCodes.unique("badkey");

        Map<String, Object> tooLong = api.expectProblem(400, post(PROBE + name, null, Map.of("n", 1), "k".repeat(256)));
        Map<String, Object> empty = api.expectProblem(400, post(PROBE + name, null, Map.of("n", 1), ""));

        for (Map<String, Object> problem : List.of(tooLong, empty)) {
            assertThat(problem.get("errors").toString()).contains("field=Idempotency-Key").contains("IDEMPOTENCY_KEY_FORM");
        }
        assertThat(probe.runs(name)).isZero();
    }

    @Test
    void a_server_error_releases_the_key_so_the_retry_runs_and_its_result_is_kept() {
        String name = SampleCodes.unique("flaky");
        String key = newKey();
        probe.failNextRun(name);

        HttpResponse<String> failed = post(PROBE + name, null, Map.of("n", 1), key);
        HttpResponse<String> retried = post(PROBE + name, null, Map.of("n", 1), key);
        HttpResponse<String> again = post(PROBE + name, null, Map.of("n", 1), key);

        api.expectProblem(500, failed);
        api.expect(201, retried);
        assertThat(retried.headers().firstValue(Idempotent.REPLAYED)).isEmpty();
        assertThat(again.headers().firstValue(Idempotent.REPLAYED)).hasValue("true");
        assertThat(probe.runs(name)).isEqualTo(2);
    }

    @Test
    void a_client_error_is_the_result_and_is_answered_again() {
        String key = newKey();
        Map<String, Object> invalid = Map.of("code", "", "name", "no kind, no district");

        HttpResponse<String> first = post("/api/v1/stores", merchantA.admin().token(), invalid, key);
        HttpResponse<String> again = post("/api/v1/stores", merchantA.admin().token(), invalid, key);

        api.expectProblem(400, first);
        api.expectProblem(400, again);
        assertThat(again.headers().firstValue(Idempotent.REPLAYED)).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void the_same_key_from_another_principal_or_tenant_is_another_key() {
        String name = SampleCodes.unique("scope");
        String key = newKey();

        HttpResponse<String> anonymous = post(PROBE + name, null, Map.of("n", 1), key);
        HttpResponse<String> staffOfA = post(PROBE + name, merchantA.admin().token(), Map.of("n", 1), key);
        HttpResponse<String> staffOfB = post(PROBE + name, merchantB.admin().token(), Map.of("n", 1), key);
        HttpResponse<String> parkAdmin = post(PROBE + name, park.admin().token(), Map.of("n", 1), key);

        assertThat(List.of(anonymous, staffOfA, staffOfB, parkAdmin)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.headers().firstValue(Idempotent.REPLAYED)).isEmpty();
        });
        assertThat(probe.runs(name)).isEqualTo(4);
        String code = SampleCodes.unique("T").toUpperCase();
        api.expect(201, post("/api/v1/stores", merchantA.admin().token(), store(code), key + "-store"));
        api.expect(201, post("/api/v1/stores", merchantB.admin().token(), store(code), key + "-store"));
        assertThat(rows.count("SELECT COUNT(*) FROM stores WHERE code = ?", code)).isEqualTo(2);
    }

    @Test
    void a_one_time_secret_in_a_recorded_answer_is_stored_encrypted_and_replayed_in_full() {
        String key = newKey();
        Map<String, Object> invite = Map.of("username", SampleCodes.unique("clerk"), "role", "RETAILER_ADMIN");

        Map<String, Object> first = api.expect(201, post("/api/v1/staff", merchantA.admin().token(), invite, key));
        Map<String, Object> again = api.expect(201, post("/api/v1/staff", merchantA.admin().token(), invite, key));

        String token = (String) first.get("invitationToken");
        assertThat(again).containsEntry("invitationToken", token);
        assertThat(rows.count("SELECT COUNT(*) FROM idempotency_keys WHERE tenant_id = ?", merchantA.id())).isPositive();
        assertThat(rows.strings("SELECT response_body FROM idempotency_keys WHERE tenant_id = ?", merchantA.id()))
                .noneMatch(body -> body.contains(token)).allMatch(body -> body.startsWith("v1:"));
    }

    @Test
    void without_the_annotation_the_header_changes_nothing() {
        String name = SampleCodes.unique("plain");
        String key = newKey();

        api.expect(201, post("/test-only/idempotency/plain/" + name, null, Map.of("n", 1), key));
        HttpResponse<String> again = post("/test-only/idempotency/plain/" + name, null, Map.of("n", 1), key);

        assertThat(again.headers().firstValue(Idempotent.REPLAYED)).isEmpty();
        assertThat(probe.runs(name)).isEqualTo(2);
    }

    private HttpResponse<String> post(String path, String token, Object body, String key) {
        return api.send("POST", path, token, body, KEY, key);
    }

    private HttpResponse<String> upload(Application application, byte[] pdf, String key) {
        return api.upload(application.path() + "/documents", application.token(), "licence.pdf", "application/pdf", pdf,
                KEY, key);
    }

    private int documents(Application application) {
        return rows.count("SELECT COUNT(*) FROM application_documents WHERE application_id = ?", application.id());
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> store(String code) {
        return Map.of("code", code, "name", "Idempotent shop", "kind", "CONVENIENCE_STORE", "address", "3 Qianhai Rd",
                "district", "440305", "warehouseCode", "ID-01");
    }
}
