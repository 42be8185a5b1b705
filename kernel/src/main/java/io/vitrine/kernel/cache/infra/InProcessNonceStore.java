package io.vitrine.kernel.cache.infra;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Nonces seen by this instance; also the fallback the api may use when Redis is unreachable. */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "in-process", defaultValue = "in-process")
public class InProcessNonceStore implements NonceStore {

    /** Never size-bounded: evicting a nonce would allow its replay. */
    private final ExpiringEntries<SeenNonce, Boolean> seen = new ExpiringEntries<>(Ticker.systemTicker(), 0);

    private record SeenNonce(ScopedKey key, String nonce) {
    }

    @Override
    public boolean firstSeen(ScopedKey key, String nonce, Duration window) {
        NonceStore.requireValid(nonce);
        long deadline = seen.deadlineAfterMillis(Ttl.millis(window, "a nonce window"));
        boolean[] first = {false};
        seen.compute(new SeenNonce(key, nonce), (k, current) -> {
            if (current != null) {
                return current;
            }
            first[0] = true;
            return new ExpiringEntries.Entry<>(Boolean.TRUE, deadline);
        });
        return first[0];
    }
}
