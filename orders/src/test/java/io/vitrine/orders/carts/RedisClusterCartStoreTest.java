package io.vitrine.orders.carts;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.testing.TestServices;

import java.util.List;
import java.util.Map;

/**
 * A 3-node Redis Cluster (VITRINE_TEST_REDIS_CLUSTER_NODES, tools/services/redis-cluster.sh): carts spread over
 * the slots by their id, and the compare-and-set runs on the node owning the cart.
 */
class RedisClusterCartStoreTest extends CartStoreContractTest {

    @Override
    protected ApplicationContext startContext() {
        List<String> seeds = TestServices.redisClusterNodes().stream().map(node -> "redis://" + node.trim()).toList();
        return CacheContractTest.run(Map.of(
                "vitrine.cache.backend", "redis",
                "vitrine.redis.key-prefix", TestServices.redisKeyPrefix() + "-carts",
                "redis.uris", seeds));
    }
}
