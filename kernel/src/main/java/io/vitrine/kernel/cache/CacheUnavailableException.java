package io.vitrine.kernel.cache;

/**
 * The shared store behind a cache port did not answer (connection lost, timeout, cluster down).
 * Callers decide: a read-through cache falls back to the source, while a request that moves money
 * and cannot check its nonce is refused with 503 (api.md).
 */
public class CacheUnavailableException extends RuntimeException {

    public CacheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
