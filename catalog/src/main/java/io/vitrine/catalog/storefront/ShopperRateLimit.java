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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Search and suggestions per client address, across tenants and instances (kernel {@link RateLimiter}):
 * {@code vitrine.storefront.search.address-limit} (default 600 per minute: a store's kiosks may share one
 * address). Over it: 429 with Retry-After. When the limiter itself is unreachable the request passes — a
 * read-only search is worth more to a shopper than the limit.
 *
 * <p>{@link #limit} overlaps the limiter's round trip (Redis in cluster mode) with the search instead of making the
 * search wait for it: the check is sent first, the search runs, and the answer is joined before anything is
 * returned. The decisions are the limiter's, counted as before; a request over the limit is answered 429 whatever its
 * search found or refused. Its search has run, though; so that a flood from one address does not reach the engine,
 * an address once denied is refused here, without the limiter or a search, until its retry-after has passed — the
 * limiter would deny it until then anyway (a denied attempt is not counted, and no counted one leaves the window
 * sooner).
 */
@Singleton
public class ShopperRateLimit {

    private static final Logger LOG = LoggerFactory.getLogger(ShopperRateLimit.class);

    private final RateLimiter limiter;
    private final RateLimit perAddress;
    private final DeniedAddresses denied;

    ShopperRateLimit(RateLimiter limiter,
                     @Value("${vitrine.storefront.search.address-limit.permits:600}") int permits,
                     @Value("${vitrine.storefront.search.address-limit.window:1m}") Duration window) {
        this.limiter = limiter;
        this.perAddress = RateLimit.of(permits, window);
        this.denied = new DeniedAddresses(window);
    }

    /** Refuses (429) a request over the limit before it does anything: for pages, which render after the check. */
    public void check(String clientAddress) {
        String address = BearerToken.hash(clientAddress); // hashed: a key never carries what a client sent (kernel README "Cache")
        refuseIfDenied(address);
        try {
            enforce(address, limiter.tryAcquire(key(address), perAddress));
        } catch (CacheUnavailableException e) {
            passWithoutLimiter(e);
        }
    }

    /** {@code work}'s answer, or 429 when the request is over the limit: the check runs while {@code work} does. */
    public <T> T limit(String clientAddress, Supplier<T> work) {
        String address = BearerToken.hash(clientAddress);
        refuseIfDenied(address);
        CompletableFuture<RateDecision> decision = limiter.tryAcquireAsync(key(address), perAddress);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            await(address, decision); // over the limit is 429, as when the check came first
            throw e;
        }
        await(address, decision);
        return result;
    }

    private void await(String address, CompletableFuture<RateDecision> decision) {
        RateDecision decided;
        try {
            decided = decision.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CacheUnavailableException unavailable) {
                passWithoutLimiter(unavailable);
                return;
            }
            throw e;
        }
        enforce(address, decided);
    }

    private void enforce(String address, RateDecision decision) {
        if (!decision.allowed()) {
            denied.until(address, decision.retryAfter());
            throw tooMany(decision.retryAfter());
        }
    }

    private void refuseIfDenied(String address) {
        Duration left = denied.left(address);
        if (left != null) {
            throw tooMany(left);
        }
    }

    private static ScopedKey key(String hashedAddress) {
        return ScopedKey.platform("storefront-search", hashedAddress);
    }

    private static RateLimitedException tooMany(Duration retryAfter) {
        return new RateLimitedException("Too many searches from this address: try again shortly.", retryAfter);
    }

    private static void passWithoutLimiter(CacheUnavailableException e) {
        LOG.warn("storefront search: rate limiter unavailable, request let through: {}", e.getMessage());
    }
}
