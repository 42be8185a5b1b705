package io.vitrine.kernel.cache.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;
import io.vitrine.kernel.cache.KeyValueCache;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on the embedded default: no setting at all selects the in-process adapters. */
class InProcessCacheContractTest extends CacheContractTest {

    @Override
    protected ApplicationContext startContext() {
        return run(Map.of());
    }

    @Test
    void without_configuration_the_in_process_adapters_are_used() {
        assertThat(context.getBean(KeyValueCache.class)).isInstanceOf(InProcessKeyValueCache.class);
        assertThat(locks).isInstanceOf(InProcessDistributedLocks.class);
        assertThat(limiter).isInstanceOf(InProcessRateLimiter.class);
        assertThat(nonces).isInstanceOf(InProcessNonceStore.class);
        assertThat(counters).isInstanceOf(InProcessCounters.class);
        assertThat(context.containsBean(RedisCommandsProvider.class)).isFalse();
    }
}
