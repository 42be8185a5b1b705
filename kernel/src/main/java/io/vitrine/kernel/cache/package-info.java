/**
 * Ports for short-lived shared state: a key/value cache with TTL, distributed locks with a lease,
 * a sliding-window rate limiter, a seen-once nonce store and counters. Every key is a
 * {@link io.vitrine.kernel.cache.ScopedKey}: a tenant (or the platform), a namespace and a key.
 *
 * <p>Adapters live in {@code infra}: in-process (Caffeine) for the embedded default, Redis (Lettuce,
 * standalone or Redis Cluster) for cluster mode, chosen by {@code vitrine.cache.backend}.
 */
package io.vitrine.kernel.cache;
