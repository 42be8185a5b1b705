package io.vitrine.tenants.devices;

import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.RateDecision;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.access.BearerToken;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A kiosk page enters its one-time pairing code ({@link Devices#pair}), within sliding-window limits per
 * client address and per store (kernel {@link RateLimiter}, shared by every instance in cluster mode), so
 * nobody can try codes at speed. Every attempt counts, a wrong code like a right one; past either limit
 * the answer is 429 with Retry-After. If the limiter's store is down, pairing goes on unthrottled: a code
 * is 40 random bits, and kiosks are installed during outages too.
 */
@Singleton
public class KioskPairing {

    private static final Logger LOG = LoggerFactory.getLogger(KioskPairing.class);

    private final Devices devices;
    private final RateLimiter limiter;
    private final CurrentTenant currentTenant;
    private final RateLimit perAddress;
    private final RateLimit perStore;

    public KioskPairing(Devices devices, RateLimiter limiter, CurrentTenant currentTenant,
                        @Value("${vitrine.devices.pairing.address-limit.permits:30}") int addressPermits,
                        @Value("${vitrine.devices.pairing.address-limit.window:10m}") Duration addressWindow,
                        @Value("${vitrine.devices.pairing.store-limit.permits:20}") int storePermits,
                        @Value("${vitrine.devices.pairing.store-limit.window:10m}") Duration storeWindow) {
        this.devices = devices;
        this.limiter = limiter;
        this.currentTenant = currentTenant;
        this.perAddress = RateLimit.of(addressPermits, addressWindow);
        this.perStore = RateLimit.of(storePermits, storeWindow);
    }

    /**
     * The device cookie's token for the kiosk whose code this is (see {@link Devices#pair}).
     *
     * @throws RateLimitedException too many attempts from this address, or at this store (429)
     */
    public String pair(String clientAddress, String storeCode, String pairingCode) {
        // hashed: keys must not carry what a client sent (kernel README "Cache")
        throttle(ScopedKey.platform("kiosk-pairing-address", BearerToken.hash(clientAddress)), perAddress);
        throttle(ScopedKey.of(currentTenant.require(), "kiosk-pairing-store",
                BearerToken.hash(storeCode == null ? "" : storeCode)), perStore);
        return devices.pair(storeCode, pairingCode);
    }

    private void throttle(ScopedKey key, RateLimit limit) {
        RateDecision decision;
        try {
            decision = limiter.tryAcquire(key, limit);
        } catch (CacheUnavailableException e) {
            LOG.warn("kiosk pairing not rate limited: the limiter's store is unavailable");
            return;
        }
        if (!decision.allowed()) {
            throw new RateLimitedException("Too many pairing attempts: try again later.", decision.retryAfter());
        }
    }
}
