package io.vitrine.tenants.devices.signing;

import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.ScopedKey;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A real nonce store that also counts how often it was asked, to prove a request never reached it. */
final class CountingNonceStore implements NonceStore {

    private final NonceStore store;
    private final AtomicInteger calls = new AtomicInteger();

    CountingNonceStore(NonceStore store) {
        this.store = store;
    }

    @Override
    public boolean firstSeen(ScopedKey key, String nonce, Duration window) {
        calls.incrementAndGet();
        return store.firstSeen(key, nonce, window);
    }

    int calls() {
        return calls.get();
    }
}
