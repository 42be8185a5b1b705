package io.vitrine.kernel.cache;

import java.time.Duration;

/**
 * Remembers nonces for a window so that a signed request cannot be replayed within it
 * (device request signing, api.md: {@code X-Nonce} unique per device key within ±300 s).
 */
public interface NonceStore {

    int MAX_NONCE_LENGTH = 256;

    /**
     * True the first time {@code nonce} is presented for {@code key} within {@code window}, false on
     * every replay; atomic across instances sharing the store.
     */
    boolean firstSeen(ScopedKey key, String nonce, Duration window);

    /** The nonce itself, if it is 1-256 characters without control characters. */
    static String requireValid(String nonce) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH
                || nonce.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a nonce is 1-" + MAX_NONCE_LENGTH + " characters without control characters");
        }
        return nonce;
    }
}
