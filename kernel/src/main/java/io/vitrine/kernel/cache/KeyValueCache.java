package io.vitrine.kernel.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A cache of byte values that expire. Serialisation is the caller's: a value is bytes, or a
 * UTF-8 string through the {@code *String} methods. Every entry has a TTL: nothing lives forever.
 */
public interface KeyValueCache {

    Optional<byte[]> get(ScopedKey key);

    void put(ScopedKey key, byte[] value, Duration ttl);

    /** Stores the value only if the key holds none; true when it was stored. */
    boolean putIfAbsent(ScopedKey key, byte[] value, Duration ttl);

    /**
     * Compare-and-set: stores {@code value} with a fresh TTL only if the key holds exactly {@code expected}
     * (byte for byte) at this moment; true when it was replaced. A missing or expired entry is never
     * replaced (create it with {@link #putIfAbsent}). Lets a read-modify-write of one entry (a cart that
     * two requests change at once) retry instead of losing the other writer's change.
     */
    boolean replace(ScopedKey key, byte[] expected, byte[] value, Duration ttl);

    /** Removes the entry; true when there was one. */
    boolean evict(ScopedKey key);

    default Optional<String> getString(ScopedKey key) {
        return get(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    default void putString(ScopedKey key, String value, Duration ttl) {
        put(key, value.getBytes(StandardCharsets.UTF_8), ttl);
    }

    default boolean putStringIfAbsent(ScopedKey key, String value, Duration ttl) {
        return putIfAbsent(key, value.getBytes(StandardCharsets.UTF_8), ttl);
    }
}
