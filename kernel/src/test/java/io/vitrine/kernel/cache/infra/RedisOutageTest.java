package io.vitrine.kernel.cache.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.PrivateRedisServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When Redis goes away, the ports say so with the kernel's {@link CacheUnavailableException}
 * (which the api turns into 503 or a local fallback) instead of leaking Lettuce types. Runs a
 * private redis-server on a spare port: fault tests never stop the machine's own services.
 */
class RedisOutageTest {

    @Test
    void a_lost_redis_surfaces_as_cache_unavailable() throws Exception {
        try (PrivateRedisServer server = PrivateRedisServer.start();
             ApplicationContext context = CacheContractTest.run(Map.of(
                     "vitrine.cache.backend", "redis",
                     "redis.uri", server.uri(),
                     "vitrine.redis.command-timeout", "1s"))) {
            KeyValueCache cache = context.getBean(KeyValueCache.class);
            NonceStore nonces = context.getBean(NonceStore.class);
            RateLimiter limiter = context.getBean(RateLimiter.class);
            ScopedKey key = ScopedKey.of(TenantId.of("outage"), "devices", "kiosk-1");
            cache.putString(key, "up", Duration.ofMinutes(1));
            assertThat(cache.getString(key)).contains("up");

            server.kill();

            assertThatThrownBy(() -> nonces.firstSeen(key, "n-1", Duration.ofMinutes(5)))
                    .isInstanceOf(CacheUnavailableException.class);
            assertThatThrownBy(() -> cache.get(key)).isInstanceOf(CacheUnavailableException.class);
            assertThat(limiter.tryAcquireAsync(key, RateLimit.of(5, Duration.ofMinutes(1))))
                    .failsWithin(Duration.ofSeconds(30)) // a hang guard: the command timeout is 1 s
                    .withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(CacheUnavailableException.class);
        }
    }
}
