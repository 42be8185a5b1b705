package io.vitrine.orders.carts;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.cache.CacheContractTest;

import java.util.Map;

/** The embedded default: the in-process (Caffeine) cache. */
class InProcessCartStoreTest extends CartStoreContractTest {

    @Override
    protected ApplicationContext startContext() {
        return CacheContractTest.run(Map.of());
    }
}
