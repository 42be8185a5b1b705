package io.vitrine.kernel.cache.infra;

import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A lock is a key holding its owner's random token, set with NX and the lease as expiry, so a dead
 * holder's lock frees itself. Release and extend are compare-and-act scripts: only the token's
 * owner can do either. The fencing token lives next to the lock, in the same slot
 * ({@code ...:{<key>}:lock:fence}).
 */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisDistributedLocks implements DistributedLocks {

    /** How long a fencing counter outlives the last acquisition of its lock. */
    private static final long FENCE_RETENTION_MILLIS = Duration.ofDays(1).toMillis();

    /*
     * The fencing token is never below the server time in microseconds, so it keeps growing even
     * after an idle lock's counter expired. %.0f because Lua's default number format keeps only 14
     * digits; microseconds since 1970 have 16 and stay exact in a double (< 2^53).
     */
    private static final RedisScript ACQUIRE = new RedisScript("""
            if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return -1
            end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
            if fence < now then fence = now else fence = fence + 1 end
            redis.call('SET', KEYS[2], string.format('%.0f', fence), 'PX', ARGV[3])
            return fence
            """);

    private static final RedisScript RELEASE = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private static final RedisScript EXTEND = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """);

    private final RedisCommandsProvider redis;
    private final RedisKeys keys;

    public RedisDistributedLocks(RedisCommandsProvider redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public Optional<LockLease> tryAcquire(ScopedKey key, Duration lease) {
        long leaseMillis = Ttl.millis(lease, "a lock lease");
        String owner = UUID.randomUUID().toString();
        Long fence = ACQUIRE.run(redis, ScriptOutputType.INTEGER,
                new String[] {keys.of(key, "lock"), keys.of(key, "lock", "fence")},
                RedisScript.arg(owner), RedisScript.arg(leaseMillis), RedisScript.arg(leaseMillis + FENCE_RETENTION_MILLIS));
        return fence < 0 ? Optional.empty() : Optional.of(new LockLease(key, owner, fence));
    }

    @Override
    public boolean release(LockLease lease) {
        Long deleted = RELEASE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.of(lease.key(), "lock")},
                RedisScript.arg(lease.ownerToken()));
        return deleted == 1;
    }

    @Override
    public boolean extend(LockLease lease, Duration duration) {
        long leaseMillis = Ttl.millis(duration, "a lock lease");
        Long extended = EXTEND.run(redis, ScriptOutputType.INTEGER, new String[] {keys.of(lease.key(), "lock")},
                RedisScript.arg(lease.ownerToken()), RedisScript.arg(leaseMillis));
        return extended == 1;
    }
}
