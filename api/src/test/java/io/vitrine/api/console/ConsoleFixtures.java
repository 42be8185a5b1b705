package io.vitrine.api.console;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.infra.SqlInstants;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console tests set up through the API (a park's warehouse, stores, devices, paired kiosks) and the
 * few fixtures only the database can make (a kiosk last seen an hour ago), plus reading rows back.
 */
final class ConsoleFixtures {

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    ConsoleFixtures(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    void warehouse(Park park, String code) {
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", code, "name", "Bonded " + code, "emsNo", "T5349W8", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
    }

    String store(Merchant merchant, String code, String warehouse) {
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", code, "name", "Store " + code,
                "kind", "CONVENIENCE_STORE", "address", "1 Qianhai Rd", "district", "440305", "warehouseCode", warehouse)));
        return code;
    }

    /** A device registered through the API: its key, and its pairing code (a kiosk) or secret. */
    Map<String, Object> device(Merchant merchant, String store, String kind) {
        return api.expect(201, api.post("/api/v1/devices", merchant.admin().token(), Map.of("storeCode", store, "kind", kind)));
    }

    /** A kiosk registered and paired (so seen just now): its key. */
    String pairedKiosk(Merchant merchant, String store) {
        Map<String, Object> kiosk = device(merchant, store, "KIOSK");
        HttpResponse<String> paired = api.post("/s/" + merchant.slug() + "/kiosk/" + store + "/pair", null,
                Map.of("pairingCode", kiosk.get("pairingCode")));
        assertThat(paired.statusCode()).as(paired.body()).isEqualTo(200);
        return (String) kiosk.get("deviceKey");
    }

    void revoke(Merchant merchant, String deviceKey) {
        assertThat(api.send("DELETE", "/api/v1/devices/" + deviceKey, merchant.admin().token(), null).statusCode())
                .isEqualTo(204);
    }

    /** Fixture: the device was last seen at this instant. */
    void lastSeen(String deviceKey, Instant at) {
        assertThat(update("UPDATE devices SET last_seen_at = ? WHERE device_key = ?", SqlInstants.text(at), deviceKey))
                .isEqualTo(1);
    }

    List<String> column(String sql, String... parameters) {
        return Rows.column(vitrine, sql, parameters);
    }

    private int update(String sql, String... parameters) {
        return Rows.update(vitrine, sql, parameters);
    }
}
