package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.tenants.devices.signing.CanonicalRequest;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tenants.devices.signing.RequestSigner.SignatureHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device registration, rotation and revocation, and device-signed requests (api.md "Conventions"), run
 * embedded (in-process nonces) and on the cluster services (Redis nonces, MariaDB).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeviceCredentialsSuite {

    private static final String WHOAMI = "/pos/v1/whoami";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final Clock clock;
    private final RequestSigner signer;
    private Park park;
    private Merchant merchant;
    private String store;

    DeviceCredentialsSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.clock = vitrine.bean(Clock.class);
        this.signer = new RequestSigner(clock);
    }

    @BeforeAll
    void aMerchantWithAStore() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "DV-01", "name", "Devices bonded", "emsNo", "T5349W7", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        store = SampleCodes.unique("D").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", store, "name", "Device shop",
                "kind", "CONVENIENCE_STORE", "address", "2 Qianhai Rd", "district", "440305", "warehouseCode", "DV-01")));
    }

    @Test
    void a_registered_pos_signs_whoami_and_is_its_tenants_device() {
        Pos pos = registerPos();

        Map<String, Object> whoami = api.expect(200, signedGet(pos, WHOAMI, WHOAMI));

        assertThat(whoami).containsEntry("deviceKey", pos.key()).containsEntry("kind", "POS")
                .containsEntry("tenant", merchant.slug()).containsEntry("storeCode", store);
        assertThat(pos.key()).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
        assertThat(pos.secret()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void the_secret_is_stored_encrypted_not_in_clear() {
        Pos pos = registerPos();

        String stored = Rows.column(vitrine, "SELECT secret_encrypted FROM devices WHERE device_key = ?", pos.key()).get(0);

        assertThat(stored).isNotBlank().doesNotContain(pos.secret());
        assertThat(items(api.expect(200, api.get("/api/v1/devices", token()))).toString()).doesNotContain(pos.secret());
    }

    @Test
    void a_kiosk_gets_a_pairing_code_and_no_secret() {
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", token(), Map.of("storeCode", store, "kind", "KIOSK")));

        assertThat(kiosk.get("pairingCode")).isInstanceOf(String.class);
        assertThat(kiosk.get("secret")).isNull();
        String hash = Rows.column(vitrine, "SELECT pairing_code_hash FROM devices WHERE device_key = ?",
                (String) kiosk.get("deviceKey")).get(0);
        assertThat(hash).isEqualTo(CanonicalRequest.sha256Hex(((String) kiosk.get("pairingCode")).getBytes(StandardCharsets.UTF_8)));
        assertThat(items(api.expect(200, api.get("/api/v1/devices", token()))))
                .filteredOn(d -> d.get("deviceKey").equals(kiosk.get("deviceKey")))
                .extracting(d -> d.get("status")).containsExactly("PENDING_PAIRING");
    }

    @Test
    void a_kiosk_pairs_once_with_its_code_then_heartbeats_until_unpaired() {
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", token(), Map.of("storeCode", store, "kind", "KIOSK")));
        String key = (String) kiosk.get("deviceKey");
        String pair = "/s/" + merchant.slug() + "/kiosk/" + store + "/pair";
        api.expectProblem(404, api.post(pair, null, Map.of("pairingCode", "WRONGCODE")));

        HttpResponse<String> paired = api.post(pair, null, Map.of("pairingCode", kiosk.get("pairingCode")));

        assertThat(paired.statusCode()).isEqualTo(200);
        String setCookie = paired.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("vitrine_kiosk=").containsIgnoringCase("HttpOnly")
                .contains("Path=/s/" + merchant.slug() + ";"); // the shop's whole storefront: the kiosk page, orders
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        api.expectProblem(404, api.post(pair, null, Map.of("pairingCode", kiosk.get("pairingCode"))));
        assertThat(api.expect(200, heartbeat(merchant.slug(), cookie))).containsEntry("deviceKey", key);
        assertThat(Rows.column(vitrine, "SELECT app_version FROM devices WHERE device_key = ?", key)).containsExactly("2.1.0");
        assertThat(items(api.expect(200, api.get("/api/v1/devices?status=online", token()))))
                .extracting(d -> d.get("deviceKey")).contains(key);

        assertThat(api.send("DELETE", "/api/v1/devices/" + key, token(), null).statusCode()).isEqualTo(204);

        api.expectProblem(404, heartbeat(merchant.slug(), cookie));
    }

    @Test
    void a_kiosk_code_and_cookie_work_only_under_their_own_tenant() {
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", token(), Map.of("storeCode", store, "kind", "KIOSK")));
        Merchant other = api.merchant(park);
        api.expect(201, api.post("/api/v1/stores", other.admin().token(), Map.of("code", store, "name", "Same code, other tenant",
                "kind", "CONVENIENCE_STORE", "address", "3 Qianhai Rd", "district", "440305", "warehouseCode", "DV-01")));

        api.expectProblem(404, api.post("/s/" + other.slug() + "/kiosk/" + store + "/pair", null,
                Map.of("pairingCode", kiosk.get("pairingCode"))));
        HttpResponse<String> paired = api.post("/s/" + merchant.slug() + "/kiosk/" + store + "/pair", null,
                Map.of("pairingCode", kiosk.get("pairingCode")));
        String setCookie = paired.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        api.expectProblem(404, heartbeat(other.slug(), cookie));
        api.expect(200, heartbeat(merchant.slug(), cookie));
    }

    private HttpResponse<String> heartbeat(String slug, String cookie) {
        return vitrine.send(HttpRequest.newBuilder(vitrine.uri("/s/" + slug + "/kiosk/heartbeat"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appVersion\":\"2.1.0\"}")).build());
    }

    @Test
    void a_store_that_is_not_the_tenants_answers_404() {
        api.expectProblem(404, api.post("/api/v1/devices", token(), Map.of("storeCode", "NOT-MINE", "kind", "POS")));
    }

    @Test
    void a_bad_signature_is_refused_with_the_server_time() {
        Pos pos = registerPos();
        SignatureHeaders wrong = signer.sign(pos.key(), "not-the-secret-at-all-0123456789abcd".getBytes(StandardCharsets.US_ASCII),
                "GET", WHOAMI, new byte[0]);

        HttpResponse<String> response = send("GET", WHOAMI, wrong, null);

        expectRefused(response);
        assertThat(Rows.column(vitrine, "SELECT last_seen_at FROM devices WHERE device_key = ?", pos.key()))
                .containsOnlyNulls();
    }

    @Test
    void a_partner_belongs_to_the_tenant_not_to_a_store() {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", token(), Map.of("kind", "PARTNER")));
        Pos partner = new Pos((String) created.get("deviceKey"), (String) created.get("secret"));

        Map<String, Object> whoami = api.expect(200, signedGet(partner, WHOAMI, WHOAMI));

        assertThat(whoami).containsEntry("kind", "PARTNER").containsEntry("tenant", merchant.slug());
        assertThat(whoami.get("storeCode")).isNull();
    }

    @Test
    void a_timestamp_301_seconds_off_either_way_is_refused() {
        Pos pos = registerPos();
        long now = clock.instant().getEpochSecond();

        expectRefused(send("GET", WHOAMI, RequestSigner.sign(pos.key(), pos.secretBytes(), "GET", WHOAMI, new byte[0],
                now - 301, "stale-nonce-1"), null));
        expectRefused(send("GET", WHOAMI, RequestSigner.sign(pos.key(), pos.secretBytes(), "GET", WHOAMI, new byte[0],
                now + 301, "stale-nonce-2"), null));
    }

    @Test
    void a_replayed_nonce_is_refused() {
        Pos pos = registerPos();
        SignatureHeaders once = signer.sign(pos.key(), pos.secretBytes(), "GET", WHOAMI, new byte[0]);

        api.expect(200, send("GET", WHOAMI, once, null));
        expectRefused(send("GET", WHOAMI, once, null));
    }

    @Test
    void the_target_is_signed_as_sent_so_a_reordered_query_is_refused() {
        Pos pos = registerPos();
        String signedTarget = WHOAMI + "?a=1&b=x%2Fy";

        api.expect(200, send("GET", signedTarget, signer.sign(pos.key(), pos.secretBytes(), "GET", signedTarget, new byte[0]), null));
        expectRefused(send("GET", WHOAMI + "?b=x%2Fy&a=1",
                signer.sign(pos.key(), pos.secretBytes(), "GET", signedTarget, new byte[0]), null));
    }

    @Test
    void a_signed_post_body_is_verified_and_still_reaches_the_controller() {
        Pos pos = registerPos();
        String path = "/pos/test-only/echo";
        byte[] body = "{\"orderNo\":\"X1\", \"note\":\"\u4f60\u597d\"}".getBytes(StandardCharsets.UTF_8);

        Map<String, Object> echoed = api.expect(200, send("POST", path, signer.sign(pos.key(), pos.secretBytes(), "POST", path, body), body));

        assertThat(echoed).containsEntry("sha256", CanonicalRequest.sha256Hex(body)).containsEntry("tenant", merchant.id());
        byte[] changed = "{\"orderNo\":\"X2\", \"note\":\"\u4f60\u597d\"}".getBytes(StandardCharsets.UTF_8);
        expectRefused(send("POST", path, signer.sign(pos.key(), pos.secretBytes(), "POST", path, body), changed));
    }

    @Test
    void rotation_retires_the_old_secret_at_once() {
        Pos pos = registerPos();

        Map<String, Object> rotated = api.expect(200, api.post("/api/v1/devices/" + pos.key() + "/rotate", token(), null));
        Pos renewed = new Pos(pos.key(), (String) rotated.get("secret"));

        assertThat(renewed.secret()).isNotEqualTo(pos.secret());
        expectRefused(signedGet(pos, WHOAMI, WHOAMI));
        api.expect(200, signedGet(renewed, WHOAMI, WHOAMI));
    }

    @Test
    void revocation_acts_at_once() {
        Pos pos = registerPos();
        api.expect(200, signedGet(pos, WHOAMI, WHOAMI));

        HttpResponse<String> deleted = api.send("DELETE", "/api/v1/devices/" + pos.key(), token(), null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        expectRefused(signedGet(pos, WHOAMI, WHOAMI));
        assertThat(items(api.expect(200, api.get("/api/v1/devices", token()))))
                .filteredOn(d -> d.get("deviceKey").equals(pos.key()))
                .extracting(d -> d.get("status")).containsExactly("REVOKED");
    }

    @Test
    void a_device_seen_just_now_is_online() {
        Pos pos = registerPos();
        assertThat(items(api.expect(200, api.get("/api/v1/devices?status=online", token()))))
                .extracting(d -> d.get("deviceKey")).doesNotContain(pos.key());

        api.expect(200, signedGet(pos, WHOAMI, WHOAMI));

        assertThat(items(api.expect(200, api.get("/api/v1/devices?status=online", token()))))
                .extracting(d -> d.get("deviceKey")).contains(pos.key());
        assertThat(items(api.expect(200, api.get("/api/v1/devices?status=offline", token()))))
                .extracting(d -> d.get("deviceKey")).doesNotContain(pos.key());
    }

    @Test
    void a_burst_of_signed_requests_writes_last_seen_once() {
        Pos pos = registerPos();
        api.expect(200, signedGet(pos, WHOAMI, WHOAMI));
        List<String> first = lastSeenOf(pos.key());

        api.expect(200, signedGet(pos, WHOAMI, WHOAMI));
        api.expect(200, signedGet(pos, WHOAMI, WHOAMI));

        assertThat(first).doesNotContainNull();
        assertThat(lastSeenOf(pos.key())).isEqualTo(first);
    }

    @Test
    void a_kiosk_beating_fast_is_written_once_per_interval_unless_its_app_version_changes() {
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", token(), Map.of("storeCode", store, "kind", "KIOSK")));
        String key = (String) kiosk.get("deviceKey");
        HttpResponse<String> paired = api.post("/s/" + merchant.slug() + "/kiosk/" + store + "/pair", null,
                Map.of("pairingCode", kiosk.get("pairingCode")));
        String setCookie = paired.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        api.expect(200, heartbeat(merchant.slug(), cookie));
        List<String> first = lastSeenOf(key);

        api.expect(200, heartbeat(merchant.slug(), cookie));
        assertThat(lastSeenOf(key)).isEqualTo(first);

        api.expect(200, vitrine.send(HttpRequest.newBuilder(vitrine.uri("/s/" + merchant.slug() + "/kiosk/heartbeat"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appVersion\":\"2.2.0\"}")).build()));
        assertThat(Rows.column(vitrine, "SELECT app_version FROM devices WHERE device_key = ?", key)).containsExactly("2.2.0");
        assertThat(lastSeenOf(key)).isNotEqualTo(first);
    }

    private List<String> lastSeenOf(String deviceKey) {
        return Rows.column(vitrine, "SELECT last_seen_at FROM devices WHERE device_key = ?", deviceKey);
    }

    @Test
    void an_unsigned_pos_request_is_refused() {
        expectRefused(api.get(WHOAMI, null));
    }

    private record Pos(String key, String secret) {
        byte[] secretBytes() {
            return secret.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Pos registerPos() {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", token(), Map.of("storeCode", store, "kind", "POS")));
        assertThat(created.get("pairingCode")).isNull();
        return new Pos((String) created.get("deviceKey"), (String) created.get("secret"));
    }

    private HttpResponse<String> signedGet(Pos pos, String signedTarget, String sentTarget) {
        return send("GET", sentTarget, signer.sign(pos.key(), pos.secretBytes(), "GET", signedTarget, new byte[0]), null);
    }

    private HttpResponse<String> send(String method, String target, SignatureHeaders headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/octet-stream");
        }
        headers.asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    private void expectRefused(HttpResponse<String> response) {
        api.expectProblem(401, response);
        assertThat(response.headers().firstValue("X-Server-Time")).get().asString().matches("[1-9][0-9]*");
    }

    private String token() {
        return merchant.admin().token();
    }
}
