package io.vitrine.api.tenants;

import io.vitrine.api.tenants.DevicesApi.Kiosk;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kiosk pairing is limited per client address and per store. An application of its own: limits small
 * enough to reach (4 per address, 3 per store, per 10 minutes) and the client address taken from
 * X-Forwarded-For (as behind a load balancer), so each test is its own set of addresses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskPairingLimitsTest {

    private RunningVitrine vitrine;
    private TenantsApi api;
    private DevicesApi devices;
    private Merchant merchant;

    @BeforeAll
    void start() {
        vitrine = OwnVitrine.embedded(Map.of(
                "micronaut.server.client-address-header", "X-Forwarded-For",
                "vitrine.devices.pairing.address-limit.permits", 4,
                "vitrine.devices.pairing.address-limit.window", "10m",
                "vitrine.devices.pairing.store-limit.permits", 3,
                "vitrine.devices.pairing.store-limit.window", "10m"));
        api = new TenantsApi(vitrine);
        devices = new DevicesApi(vitrine);
        merchant = api.merchant(devices.parkWithWarehouse("KP-01"));
    }

    @AfterAll
    void stop() {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void wrong_codes_at_one_store_count_until_even_the_right_code_waits_while_other_stores_go_on() {
        String store = devices.store(merchant, "KP-01", "Busy shop");
        Kiosk kiosk = devices.kiosk(merchant, store);
        for (int attempt = 1; attempt <= 3; attempt++) {
            api.expectProblem(404, pair(store, "WRONG00" + attempt, "10.1.0." + attempt));
        }

        HttpResponse<String> limited = pair(store, kiosk.pairingCode(), "10.1.0.9");

        api.expectProblem(429, limited);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(items(api.expect(200, api.get("/api/v1/devices?status=pending&storeCode=" + store, merchant.admin().token()))))
                .extracting(d -> d.get("deviceKey")).containsExactly(kiosk.key());
        String other = devices.store(merchant, "KP-01", "Quiet shop");
        assertThat(pair(other, devices.kiosk(merchant, other).pairingCode(), "10.1.0.10").statusCode()).isEqualTo(200);
    }

    @Test
    void one_address_trying_many_stores_is_limited_while_other_addresses_go_on() {
        for (int store = 1; store <= 4; store++) {
            api.expectProblem(404, pair("NO-SUCH-" + store, "WRONGCOD", "10.2.0.1"));
        }
        String store = devices.store(merchant, "KP-01", "Fresh shop");
        Kiosk kiosk = devices.kiosk(merchant, store);

        api.expectProblem(429, pair(store, kiosk.pairingCode(), "10.2.0.1"));

        assertThat(pair(store, kiosk.pairingCode(), "10.2.0.2").statusCode()).isEqualTo(200);
    }

    @Test
    void attempts_under_an_unknown_shop_count_against_the_address() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            api.expectProblem(404, vitrine.send(request("/s/no-such-shop/kiosk/ANY/pair", "10.3.0.1")));
        }

        api.expectProblem(429, vitrine.send(request("/s/no-such-shop/kiosk/ANY/pair", "10.3.0.1")));
    }

    private HttpResponse<String> pair(String store, String code, String address) {
        return vitrine.send(HttpRequest.newBuilder(vitrine.uri("/s/" + merchant.slug() + "/kiosk/" + store + "/pair"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"pairingCode\":\"" + code + "\"}")).build());
    }

    private HttpRequest request(String path, String address) {
        return HttpRequest.newBuilder(vitrine.uri(path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"pairingCode\":\"WRONGCOD\"}")).build();
    }
}
