package io.vitrine.kernel.cache.infra;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
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

    /** GET, compare and SET PX in one step on the node that owns the key. */
    private static final RedisScript REPLACE = new RedisScript(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then "
                    + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0");

    private final RedisCommandsProvider redis;
    private final RedisKeys keys;

    public RedisKeyValueCache(RedisCommandsProvider redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Optional<byte[]> get(ScopedKey key) {
        String redisKey = keys.of(key, "kv");
        return Optional.ofNullable(redis.call(c -> c.get(redisKey)));
    }

    @Override
    public void put(ScopedKey key, byte[] value, Duration ttl) {
        SetArgs expiry = SetArgs.Builder.px(Ttl.millis(ttl, "a cache TTL"));
        String redisKey = keys.of(key, "kv");
        redis.call(c -> c.set(redisKey, value, expiry));
    }

    @Override
    public boolean putIfAbsent(ScopedKey key, byte[] value, Duration ttl) {
        // SET NX answers OK when it stored, nil when the key existed
        SetArgs absentOnly = SetArgs.Builder.nx().px(Ttl.millis(ttl, "a cache TTL"));
        String redisKey = keys.of(key, "kv");
        return redis.call(c -> c.set(redisKey, value, absentOnly)) != null;
    }

    @Override
    public boolean replace(ScopedKey key, byte[] expected, byte[] value, Duration ttl) {
        // a missing key makes GET answer false in Lua, which equals no string: never replaced
        Long replaced = REPLACE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.of(key, "kv")},
                expected, value, RedisScript.arg(Ttl.millis(ttl, "a cache TTL")));
        return replaced != null && replaced == 1L;
    }

    @Override
    public boolean evict(ScopedKey key) {
        String redisKey = keys.of(key, "kv");
        return redis.call(c -> c.del(redisKey)) > 0;
    }
}
