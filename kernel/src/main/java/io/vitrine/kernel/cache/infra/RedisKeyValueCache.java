package io.vitrine.kernel.cache.infra;

import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** One string key per entry, expiring by Redis PX. */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisKeyValueCache implements KeyValueCache {

    private final RedisClusterCommands<String, byte[]> redis;
    private final RedisKeys keys;

    public RedisKeyValueCache(RedisCommandsProvider redis, RedisKeys keys) {
        this.redis = redis.commands();
        this.keys = keys;
    }

    @Override
    public Optional<byte[]> get(ScopedKey key) {
        return Optional.ofNullable(redis.get(keys.of(key, "kv")));
    }

    @Override
    public void put(ScopedKey key, byte[] value, Duration ttl) {
        redis.set(keys.of(key, "kv"), value, SetArgs.Builder.px(Ttl.millis(ttl, "a cache TTL")));
    }

    @Override
    public boolean putIfAbsent(ScopedKey key, byte[] value, Duration ttl) {
        // SET NX answers OK when it stored, nil when the key existed
        return redis.set(keys.of(key, "kv"), value, SetArgs.Builder.nx().px(Ttl.millis(ttl, "a cache TTL"))) != null;
    }

    @Override
    public boolean evict(ScopedKey key) {
        return redis.del(keys.of(key, "kv")) > 0;
    }
}
