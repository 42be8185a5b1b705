package io.vitrine.tenants.devices.signing;

import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.tenants.devices.signing.VerificationResult.Rejected;
import io.vitrine.tenants.devices.signing.VerificationResult.RejectionReason;
import io.vitrine.tenants.devices.signing.VerificationResult.Unavailable;
import io.vitrine.tenants.devices.signing.VerificationResult.Verified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a device's signed request (api.md "Conventions"). The checks run cheapest and least
 * trusting first, and the nonce is recorded last, only for a request whose signature is good: a
 * forged, stale or malformed request must never burn the nonce of the genuine one.
 * <ol>
 *   <li>form of every header ({@link RejectionReason#MALFORMED}), before anything is looked up;</li>
 *   <li>the device key ({@code UNKNOWN_KEY});</li>
 *   <li>the timestamp within ±clock skew of the injected clock ({@code STALE_TIMESTAMP});</li>
 *   <li>the signature, compared in constant time ({@code BAD_SIGNATURE});</li>
 *   <li>revocation ({@code REVOKED}) — after the signature, so only the holder of the secret learns
 *       that the key exists but is revoked;</li>
 *   <li>the nonce, unique per device within the window ({@code REPLAYED_NONCE}), in the shared store,
 *       or per {@link ReplayProtection} when that store is unreachable.</li>
 * </ol>
 *
 * <p>Nonces are kept under the device's tenant ({@code ScopedKey.of(tenant, "device-nonce",
 * deviceKey)}) rather than platform-wide: a device belongs to exactly one tenant, so its nonces are
 * that tenant's data and go (and can be found) with the tenant's other keys; the device key, unique
 * platform-wide, keeps devices apart within the tenant.
 */
public class RequestSignatureVerifier {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(300);
    static final String NONCE_NAMESPACE = "device-nonce";

    private static final Logger LOG = LoggerFactory.getLogger(RequestSignatureVerifier.class);

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    /** A request target as it comes off the request line: visible ASCII, starting with '/'. */
    private static final Pattern TARGET = Pattern.compile("/[\\x21-\\x7E]{0,8191}");
    /** Also keeps the key usable inside a cache key (no braces, no control characters). */
    private static final Pattern DEVICE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Decimal epoch seconds without sign or leading zeros, so the signed text is the number's one spelling. */
    private static final Pattern TIMESTAMP = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    /** Base64 of 32 bytes: 43 characters and one '='. */
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{43}=");

    private final DeviceSecrets secrets;
    private final NonceStore sharedNonces;
    private final NonceStore localNonces;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration nonceWindow;
    private volatile boolean onLocalNonces;

    /**
     * @param sharedNonces the store every instance shares (Redis in cluster mode)
     * @param localNonces  this instance's own store, used for {@link ReplayProtection#FALLBACK_ALLOWED}
     *                     requests while the shared one is unreachable
     * @param clockSkew    how far a timestamp may be from the clock, either side
     */
    public RequestSignatureVerifier(DeviceSecrets secrets, NonceStore sharedNonces, NonceStore localNonces,
                                    Clock clock, Duration clockSkew) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.sharedNonces = Objects.requireNonNull(sharedNonces, "sharedNonces");
        this.localNonces = Objects.requireNonNull(localNonces, "localNonces");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (clockSkew.isNegative() || clockSkew.isZero() || clockSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("vitrine.devices.signing.clock-skew is between 1 second and 1 hour");
        }
        this.clockSkew = clockSkew;
        // A timestamp is accepted while the clock is within [ts - skew, ts + skew]: 2 x skew in all.
        // Remembering a nonce for 2 x skew from its first sighting covers that whole span, and some
        // disagreement between the instances' clocks besides.
        this.nonceWindow = clockSkew.multipliedBy(2);
    }

    public VerificationResult verify(SignedRequest request, ReplayProtection protection) {
        Objects.requireNonNull(protection, "protection");
        Instant now = clock.instant();
        if (!wellFormed(request)) {
            return new Rejected(RejectionReason.MALFORMED, now);
        }
        Optional<DeviceCredential> found = secrets.find(request.deviceKey());
        if (found.isEmpty()) {
            return new Rejected(RejectionReason.UNKNOWN_KEY, now);
        }
        DeviceCredential device = found.get();
        long timestamp = Long.parseLong(request.timestamp());
        if (Math.abs(now.getEpochSecond() - timestamp) > clockSkew.toSeconds()) {
            return new Rejected(RejectionReason.STALE_TIMESTAMP, now);
        }
        byte[] expected = CanonicalRequest.of(request.method(), request.target(), timestamp, request.nonce(),
                request.body()).hmac(device.secret());
        byte[] presented = Base64.getDecoder().decode(request.signature());
        if (!MessageDigest.isEqual(expected, presented)) {
            return new Rejected(RejectionReason.BAD_SIGNATURE, now);
        }
        if (!device.active()) {
            return new Rejected(RejectionReason.REVOKED, now);
        }
        ScopedKey key = ScopedKey.of(device.tenant(), NONCE_NAMESPACE, device.deviceKey());
        Optional<Boolean> firstSeen = firstSeen(key, request.nonce(), protection);
        if (firstSeen.isEmpty()) {
            return new Unavailable(device);
        }
        return firstSeen.get() ? new Verified(device) : new Rejected(RejectionReason.REPLAYED_NONCE, now);
    }

    /** Empty when the shared store is unreachable and the request may not fall back. */
    private Optional<Boolean> firstSeen(ScopedKey key, String nonce, ReplayProtection protection) {
        try {
            boolean first = sharedNonces.firstSeen(key, nonce, nonceWindow);
            if (onLocalNonces) {
                onLocalNonces = false;
                LOG.info("shared nonce store answers again");
            }
            return Optional.of(first);
        } catch (CacheUnavailableException e) {
            if (protection == ReplayProtection.STRICT) {
                return Optional.empty();
            }
            if (!onLocalNonces) {
                // once per outage: every request in it would otherwise log the same thing
                onLocalNonces = true;
                LOG.warn("shared nonce store unreachable; read-only device requests use this instance's nonces: {}",
                        e.getMessage());
            }
            return Optional.of(localNonces.firstSeen(key, nonce, nonceWindow));
        }
    }

    private static boolean wellFormed(SignedRequest request) {
        return matches(METHOD, request.method())
                && matches(TARGET, request.target())
                && matches(DEVICE_KEY, request.deviceKey())
                && matches(TIMESTAMP, request.timestamp())
                && matches(NONCE, request.nonce())
                && matches(SIGNATURE, request.signature());
    }

    private static boolean matches(Pattern form, String value) {
        return value != null && form.matcher(value).matches();
    }
}
