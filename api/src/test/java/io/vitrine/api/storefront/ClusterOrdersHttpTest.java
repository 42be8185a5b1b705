package io.vitrine.api.storefront;

import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;

import java.util.Map;

/**
 * {@link OrdersHttpTest} in cluster mode: MariaDB (a fresh database of this run), Redis (carts, idempotency keys,
 * rate limits) and the Elasticsearch test node (VITRINE_TEST_ES_URL) — placement, notify → PAID, refusals, the
 * lookup and the staff's cancel over HTTP against the production stack, the fake Alipay as the gateway.
 */
class ClusterOrdersHttpTest extends OrdersHttpTest {

    @Override
    RunningVitrine start(Map<String, Object> properties) {
        return OwnVitrine.cluster(properties);
    }
}
