package io.vitrine.kernel.cache.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on a standalone Redis ({@code redis.uri}), under a key prefix of this test run. */
class RedisStandaloneCacheContractTest extends CacheContractTest {

    private static final String PREFIX = TestServices.redisKeyPrefix() + "-cache";

    @Override
    protected ApplicationContext startContext() {
        return run(Map.of(
                "vitrine.cache.backend", "redis",
                "vitrine.redis.key-prefix", PREFIX,
                "redis.uri", TestServices.redisUri()));
    }

    @Test
    void the_redis_adapters_are_used_and_keys_start_with_the_prefix_then_the_tenant() {
        assertThat(cache).isInstanceOf(RedisKeyValueCache.class);
        assertThat(locks).isInstanceOf(RedisDistributedLocks.class);
        assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
        assertThat(nonces).isInstanceOf(RedisNonceStore.class);
        assertThat(counters).isInstanceOf(RedisCounters.class);

        var key = fresh("layout");
        cache.putString(key, "x", java.time.Duration.ofMinutes(1));
        String expected = PREFIX + ":" + key.scope().segment() + ":layout:{" + key.key() + "}:kv";
        assertThat(context.getBean(RedisCommandsProvider.class).commands().exists(expected)).isEqualTo(1L);
    }

    @AfterAll
    void removeThisRunsKeys() {
        RedisKeyspaceCleanup.deleteAll(context.getBean(RedisCommandsProvider.class).commands(), PREFIX);
    }
}
