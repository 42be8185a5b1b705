package io.vitrine.kernel.cache.infra;

import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * One key per nonce, {@code ...:{<key>}:nonce:<nonce>}, set with NX and the window as its expiry:
 * the first SET wins, atomically, on whichever instance it arrives. A device's nonces share its
 * slot; different devices spread over the cluster.
 */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisNonceStore implements NonceStore {

    private static final byte[] SEEN = {'1'};

    private final RedisCommandsProvider redis;
    private final RedisKeys keys;

    public RedisNonceStore(RedisCommandsProvider redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean firstSeen(ScopedKey key, String nonce, Duration window) {
        NonceStore.requireValid(nonce);
        String redisKey = keys.of(key, "nonce", nonce);
        SetArgs absentOnly = SetArgs.Builder.nx().px(Ttl.millis(window, "a nonce window"));
        return redis.call(c -> c.set(redisKey, SEEN, absentOnly)) != null;
    }
}
