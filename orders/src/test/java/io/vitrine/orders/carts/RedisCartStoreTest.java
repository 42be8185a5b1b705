package io.vitrine.orders.carts;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.testing.TestServices;

import java.util.Map;

/** Cluster mode's cache: the test Redis ({@code VITRINE_TEST_REDIS_URI}), keys under this run's prefix. */
class RedisCartStoreTest extends CartStoreContractTest {

    @Override
    protected ApplicationContext startContext() {
        return CacheContractTest.run(Map.of(
                "vitrine.cache.backend", "redis",
                "vitrine.redis.key-prefix", TestServices.redisKeyPrefix() + "-carts",
                "redis.uri", TestServices.redisUri()));
    }
}
