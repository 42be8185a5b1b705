package io.vitrine.api.tenants;

import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tenants.devices.signing.RequestSigner.SignatureHeaders;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives devices over HTTP as a retailer, a kiosk page and a POS would; builds stores for them. */
public final class DevicesApi {

    static final String WHOAMI = "/pos/v1/whoami";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final RequestSigner signer;

    public DevicesApi(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.signer = new RequestSigner(vitrine.bean(Clock.class));
    }

    public record Pos(String key, String secret) {
        byte[] secretBytes() {
            return secret.getBytes(StandardCharsets.US_ASCII);
        }
    }

    record Kiosk(String key, String pairingCode) {
    }

    /** A park with a bonded warehouse {@code warehouseCode}. */
    public TenantsApi.Park parkWithWarehouse(String warehouseCode) {
        TenantsApi.Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", warehouseCode, "name", "Bonded " + warehouseCode, "emsNo", "T5349W9", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        return park;
    }

    public String store(Merchant merchant, String warehouseCode, String name) {
        String code = SampleCodes.unique("S").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", code, "name", name,
                "kind", "CONVENIENCE_STORE", "address", "8 Qianhai Rd", "district", "440305", "warehouseCode", warehouseCode)));
        return code;
    }

    public Pos pos(Merchant merchant, String store) {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", merchant.admin().token(),
                store == null ? Map.of("kind", "PARTNER") : Map.of("storeCode", store, "kind", "POS")));
        return new Pos((String) created.get("deviceKey"), (String) created.get("secret"));
    }

    Kiosk kiosk(Merchant merchant, String store) {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", merchant.admin().token(),
                Map.of("storeCode", store, "kind", "KIOSK")));
        return new Kiosk((String) created.get("deviceKey"), (String) created.get("pairingCode"));
    }

    HttpResponse<String> pair(String slug, String store, String pairingCode) {
        return api.post("/s/" + slug + "/kiosk/" + store + "/pair", null, Map.of("pairingCode", pairingCode));
    }

    /** Pairs the kiosk and answers its device cookie ({@code name=value}). */
    String paired(Merchant merchant, String store, Kiosk kiosk) {
        HttpResponse<String> paired = pair(merchant.slug(), store, kiosk.pairingCode());
        assertThat(paired.statusCode()).as(paired.body()).isEqualTo(200);
        String setCookie = paired.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    HttpResponse<String> heartbeat(String slug, String cookie, String appVersion) {
        return vitrine.send(HttpRequest.newBuilder(vitrine.uri("/s/" + slug + "/kiosk/heartbeat"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appVersion\":\"" + appVersion + "\"}")).build());
    }

    HttpResponse<String> whoami(Pos pos) {
        return signed(pos, "GET", WHOAMI, null);
    }

    public HttpResponse<String> signed(Pos pos, String method, String target, byte[] body) {
        SignatureHeaders headers = signer.sign(pos.key(), pos.secretBytes(), method, target, body == null ? new byte[0] : body);
        return send(method, target, headers, body);
    }

    /** A signed GET with extra headers ({@code name, value, ...}), its body as the bytes sent (no decompression). */
    public HttpResponse<byte[]> signedGet(Pos pos, String target, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(target)).GET();
        signer.sign(pos.key(), pos.secretBytes(), "GET", target, new byte[0]).asMap().forEach(request::header);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return vitrine.sendBytes(request.build());
    }

    HttpResponse<String> send(String method, String target, SignatureHeaders headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/octet-stream");
        }
        headers.asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    /** Fixture: the device was last seen at this instant ({@code null}: never). */
    void lastSeen(String deviceKey, Instant at) {
        int changed = at == null
                ? Rows.update(vitrine, "UPDATE devices SET last_seen_at = NULL WHERE device_key = ?", deviceKey)
                : Rows.update(vitrine, "UPDATE devices SET last_seen_at = ? WHERE device_key = ?", SqlInstants.text(at), deviceKey);
        assertThat(changed).isEqualTo(1);
    }

    String lastSeenOf(String deviceKey) {
        return Rows.column(vitrine, "SELECT last_seen_at FROM devices WHERE device_key = ?", deviceKey).get(0);
    }
}
