package io.vitrine.kernel.cache.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Spells Redis keys: {@code <prefix>:<tenant|_platform>:<namespace>:{<key>}:<kind>[:<part>]}.
 * The hash tag is the caller's key only, so the keys one operation touches (a limiter's log and
 * its sequence, a lock and its fencing counter) share a slot, while one tenant's keys spread over
 * the whole cluster instead of making one hot slot. README "Cache, locks, rate limits, nonces,
 * counters" explains the design.
 */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "redis")
public class RedisKeys {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String prefix;

    @Inject
    public RedisKeys(@Value("${vitrine.redis.key-prefix:vitrine}") String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("vitrine.redis.key-prefix is 1-64 letters, digits, '.', '_' or '-'");
        }
        this.prefix = prefix;
    }

    /** @param kind what the key holds ("kv", "lock", "rl", ...), so two ports never share a key */
    String of(ScopedKey key, String kind) {
        return prefix + ':' + key.scope().segment() + ':' + key.namespace() + ":{" + key.key() + "}:" + kind;
    }

    /** A second key of the same operation, in the same slot as {@code of(key, kind)}. */
    String of(ScopedKey key, String kind, String part) {
        return of(key, kind) + ':' + part;
    }

    String prefix() {
        return prefix;
    }
}
