package io.vitrine.api.storefront;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.PrivateRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carts live in the shared cache (Redis in cluster mode). While it is down a shopper's cart request answers 503
 * with Retry-After and a problem body that names no host or driver error, instead of a 500: the kiosk retries.
 * An application of its own keeps its cache in a private redis-server, killed once a cart exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartsWithoutSharedStoreTest {

    private PrivateRedisServer redis;
    private RunningVitrine vitrine;
    private TenantsApi api;
    private ShopFixture shop;
    private String cart;

    @BeforeAll
    void aCartInARedisThatThenGoesAway() throws Exception {
        redis = PrivateRedisServer.start();
        vitrine = OwnVitrine.embedded(Map.of(
                "vitrine.cache.backend", "redis",
                "redis.enabled", true,
                "redis.uri", redis.uri(),
                "vitrine.redis.key-prefix", "carts-outage",
                "vitrine.redis.command-timeout", "1s"));
        api = new TenantsApi(vitrine);
        shop = new ShopFixture(api);
        cart = (String) api.expect(201, api.post(path("carts"), null, Map.of("storeCode", "S1"))).get("cartId");
        api.expect(200, api.put(path("carts/" + cart + "/items/" + A2), null, Map.of("qty", 1)));

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
    void reading_a_cart_answers_503_with_retry_after() {
        assertUnavailable(api.get(path("carts/" + cart), null));
    }

    @Test
    void changing_or_creating_a_cart_answers_503_with_retry_after() {
        assertUnavailable(api.put(path("carts/" + cart + "/items/" + A2), null, Map.of("qty", 2)));
        assertUnavailable(api.post(path("carts"), null, Map.of("storeCode", "S1")));
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("briefly unavailable").doesNotContain("Redis").doesNotContain("127.0.0.1");
    }

    private String path(String relative) {
        return "/s/" + shop.slug() + "/api/" + relative;
    }
}
