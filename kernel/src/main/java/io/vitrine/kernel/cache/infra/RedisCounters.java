package io.vitrine.kernel.cache.infra;

import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.Counters;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** INCRBY on one key; with a TTL, a script sets the expiry only when the counter has none yet. */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisCounters implements Counters {

    private static final RedisScript INCREMENT_WITH_TTL = new RedisScript("""
            local value = redis.call('INCRBY', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return value
            """);

    private final RedisCommandsProvider redis;
    private final RedisKeys keys;

    public RedisCounters(RedisCommandsProvider redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public long increment(ScopedKey key, long delta) {
        String redisKey = keys.of(key, "ctr");
        return redis.call(c -> c.incrby(redisKey, delta));
    }

    @Override
    public long increment(ScopedKey key, long delta, Duration ttl) {
        long ttlMillis = Ttl.millis(ttl, "a counter TTL");
        Long value = INCREMENT_WITH_TTL.run(redis, ScriptOutputType.INTEGER, new String[] {keys.of(key, "ctr")},
                RedisScript.arg(delta), RedisScript.arg(ttlMillis));
        return value;
    }

    @Override
    public long get(ScopedKey key) {
        String redisKey = keys.of(key, "ctr");
        byte[] value = redis.call(c -> c.get(redisKey));
        return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }
}
