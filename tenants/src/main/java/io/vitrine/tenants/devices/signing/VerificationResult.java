package io.vitrine.tenants.devices.signing;

import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link RequestSignatureVerifier#verify}: the api answers 200-path, 401 or 503. */
public sealed interface VerificationResult {

    /** The request is the device's own, fresh and not a replay. */
    record Verified(DeviceCredential credential) implements VerificationResult {
        public Verified {
            Objects.requireNonNull(credential, "credential");
        }
    }

    /**
     * Refused: 401 with {@code X-Server-Time} = {@code serverTime} in epoch seconds (the instant the
     * timestamp was checked against). The reason is for logs and metrics.
     */
    record Rejected(RejectionReason reason, Instant serverTime) implements VerificationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(serverTime, "serverTime");
        }
    }

    /** The signature is good, but the shared nonce store is unreachable and the request is STRICT: 503. */
    record Unavailable(DeviceCredential credential) implements VerificationResult {
        public Unavailable {
            Objects.requireNonNull(credential, "credential");
        }
    }

    enum RejectionReason {
        /** A header is missing or not of its form; decided before anything is looked up. */
        MALFORMED,
        UNKNOWN_KEY,
        /** Further than the allowed clock skew from the server's clock, either side. */
        STALE_TIMESTAMP,
        BAD_SIGNATURE,
        /** Correctly signed by a device that has been revoked. */
        REVOKED,
        REPLAYED_NONCE
    }
}
