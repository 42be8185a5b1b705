package io.vitrine.api.tenants;

import io.vitrine.api.tenants.DevicesApi.Kiosk;
import io.vitrine.api.tenants.DevicesApi.Pos;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.PrivateRedisServer;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tenants.devices.signing.RequestSigner.SignatureHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Devices while the shared store (Redis: nonces, rate limits) is down. Per-route replay policy (api.md:
 * requests that move money or create orders are refused with 503; read-only feeds and event batches fall
 * back to this instance's nonces), and kiosk pairing going on unthrottled. An application of its own keeps
 * its cache in a private redis-server, killed once everything is set up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicesWithoutSharedStoreTest {

    private static final byte[] BATCH = "{\"events\":[{\"eventId\":\"e-1\"}]}".getBytes(StandardCharsets.UTF_8);

    private PrivateRedisServer redis;
    private RunningVitrine vitrine;
    private DevicesApi devices;
    private Merchant merchant;
    private Pos pos;
    private String store;
    private Kiosk kiosk;

    @BeforeAll
    void aPosWhoseNoncesAreInARedisThatThenGoesAway() throws Exception {
        redis = PrivateRedisServer.start();
        vitrine = OwnVitrine.embedded(Map.of(
                "vitrine.cache.backend", "redis",
                "redis.enabled", true,
                "redis.uri", redis.uri(),
                "vitrine.redis.key-prefix", "replay-policy",
                "vitrine.redis.command-timeout", "1s"));
        TenantsApi api = new TenantsApi(vitrine);
        devices = new DevicesApi(vitrine);
        merchant = api.merchant(devices.parkWithWarehouse("RP-01"));
        store = devices.store(merchant, "RP-01", "Replay shop");
        pos = devices.pos(merchant, store);
        kiosk = devices.kiosk(merchant, store);
        api.expect(200, devices.whoami(pos)); // the shared store answers: a signed request works

        redis.kill();
    }

    @AfterAll
    void stop() {
        if (vitrine != null) {
            vitrine.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void a_post_whose_method_allows_the_fallback_is_checked_against_this_instances_nonces() {
        SignatureHeaders once = sign("POST", "/pos/test-only/replay/events", BATCH);

        HttpResponse<String> accepted = devices.send("POST", "/pos/test-only/replay/events", once, BATCH);
        HttpResponse<String> replayed = devices.send("POST", "/pos/test-only/replay/events", once, BATCH);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains(merchant.id());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().firstValue("X-Server-Time")).isPresent();
    }

    @Test
    void a_post_under_a_controller_that_allows_the_fallback_is_accepted() {
        HttpResponse<String> accepted = devices.signed(pos, "POST", "/pos/test-only/replay/batches", BATCH);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void a_post_without_a_policy_stays_strict_and_is_refused_with_503() {
        HttpResponse<String> refused = devices.signed(pos, "POST", "/pos/test-only/echo", BATCH);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(TenantsApi.PROBLEM_JSON));
    }

    @Test
    void a_get_falls_back_by_default_unless_its_route_says_strict() {
        assertThat(devices.whoami(pos).statusCode()).isEqualTo(200);

        assertThat(devices.signed(pos, "GET", "/pos/test-only/replay/strict-feed", null).statusCode()).isEqualTo(503);
    }

    @Test
    void a_kiosk_still_pairs_when_its_attempts_cannot_be_counted() {
        assertThat(devices.pair(merchant.slug(), store, kiosk.pairingCode()).statusCode()).isEqualTo(200);
    }

    private SignatureHeaders sign(String method, String target, byte[] body) {
        return new RequestSigner(vitrine.bean(Clock.class)).sign(pos.key(), pos.secretBytes(), method, target, body);
    }
}
