package io.vitrine.kernel.cache.infra;

import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.RateDecision;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A sliding log in a sorted set (score = time of an allowed attempt, in ms), trimmed, counted and
 * appended by one script, so concurrent instances never over-admit. Members are made unique by a
 * sequence kept beside the set; both keys share the hash tag of the caller's key. Time is the Redis
 * server's, so instances with skewed clocks still agree on the window.
 */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisRateLimiter implements RateLimiter {

    private static final RedisScript SLIDING_WINDOW = new RedisScript("""
            local window = tonumber(ARGV[1])
            local permits = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            if count < permits then
              local seq = redis.call('INCR', KEYS[2])
              redis.call('ZADD', KEYS[1], now, now .. '-' .. seq)
              redis.call('PEXPIRE', KEYS[1], window)
              redis.call('PEXPIRE', KEYS[2], window)
              return {1, permits - count - 1, 0}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, 0, tonumber(oldest[2]) + window - now}
            """);

    private final RedisCommandsProvider redis;
    private final RedisKeys keys;

    public RedisRateLimiter(RedisCommandsProvider redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public RateDecision tryAcquire(ScopedKey key, RateLimit limit) {
        return decision(SLIDING_WINDOW.run(redis, ScriptOutputType.MULTI, keysOf(key),
                RedisScript.arg(limit.window().toMillis()), RedisScript.arg(limit.permits())));
    }

    /** The same script, sent without waiting: its round trip overlaps the caller's work. */
    @Override
    public CompletableFuture<RateDecision> tryAcquireAsync(ScopedKey key, RateLimit limit) {
        return SLIDING_WINDOW.<List<Long>>runAsync(redis, ScriptOutputType.MULTI, keysOf(key),
                RedisScript.arg(limit.window().toMillis()), RedisScript.arg(limit.permits())).thenApply(RedisRateLimiter::decision);
    }

    private String[] keysOf(ScopedKey key) {
        return new String[] {keys.of(key, "rl"), keys.of(key, "rl", "seq")};
    }

    private static RateDecision decision(List<Long> result) {
        return result.get(0) == 1
                ? RateDecision.allow(result.get(1).intValue())
                : RateDecision.deny(Duration.ofMillis(result.get(2)));
    }
}
