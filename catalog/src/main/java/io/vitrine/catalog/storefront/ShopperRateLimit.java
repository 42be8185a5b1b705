package io.vitrine.catalog.storefront;

import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.RateDecision;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.tenants.access.BearerToken;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Search and suggestions per client address, across tenants and instances (kernel {@link RateLimiter}):
 * {@code vitrine.storefront.search.address-limit} (default 600 per minute: a store's kiosks may share one
 * address). Over it: 429 with Retry-After. When the limiter itself is unreachable the request passes — a
 * read-only search is worth more to a shopper than the limit.
 */
@Singleton
public class ShopperRateLimit {

    private static final Logger LOG = LoggerFactory.getLogger(ShopperRateLimit.class);

    private final RateLimiter limiter;
    private final RateLimit perAddress;

    ShopperRateLimit(RateLimiter limiter,
                     @Value("${vitrine.storefront.search.address-limit.permits:600}") int permits,
                     @Value("${vitrine.storefront.search.address-limit.window:1m}") Duration window) {
        this.limiter = limiter;
        this.perAddress = RateLimit.of(permits, window);
    }

    public void check(String clientAddress) {
        RateDecision decision;
        try {
            // hashed: a key never carries what a client sent (kernel README "Cache")
            decision = limiter.tryAcquire(ScopedKey.platform("storefront-search", BearerToken.hash(clientAddress)),
                    perAddress);
        } catch (CacheUnavailableException e) {
            LOG.warn("storefront search: rate limiter unavailable, request let through: {}", e.getMessage());
            return;
        }
        if (!decision.allowed()) {
            throw new RateLimitedException("Too many searches from this address: try again shortly.",
                    decision.retryAfter());
        }
    }
}
