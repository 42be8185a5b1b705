package io.vitrine.kernel.cache;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of one cache entry, lock, rate-limit window, nonce set or counter: a scope (tenant
 * or platform), a namespace naming the use ({@code "login-attempts"}, {@code "order-lookup"}) and
 * the key within it (a phone number hash, a device key, an order number).
 *
 * <p>The key may not contain '{' or '}': in Redis it becomes the hash tag, and a brace inside it
 * would change which slot the entry lands in.
 */
public record ScopedKey(CacheScope scope, String namespace, String key) {

    public static final int MAX_KEY_LENGTH = 512;
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public ScopedKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("a namespace is 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a key is 1-" + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '{' || c == '}' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("a key may not contain braces or control characters");
            }
        }
    }

    public static ScopedKey of(TenantId tenant, String namespace, String key) {
        return new ScopedKey(CacheScope.of(tenant), namespace, key);
    }

    public static ScopedKey platform(String namespace, String key) {
        return new ScopedKey(CacheScope.platform(), namespace, key);
    }

    @Override
    public String toString() {
        return scope.segment() + ":" + namespace + ":" + key;
    }
}
