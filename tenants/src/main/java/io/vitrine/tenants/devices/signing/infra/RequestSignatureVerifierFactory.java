package io.vitrine.tenants.devices.signing.infra;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.cache.NonceStore;
import io.vitrine.kernel.cache.infra.InProcessNonceStore;
import io.vitrine.tenants.devices.signing.DeviceSecrets;
import io.vitrine.tenants.devices.signing.RequestSignatureVerifier;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * Wires the verifier: the configured {@link NonceStore} (in-process, or Redis in cluster mode) is the
 * shared one; the fallback is an instance-local store of its own, never exposed as a bean, so that
 * nothing else picks up a second {@code NonceStore} by accident. On the in-process backend the two
 * are both local, and the fallback is never used (an in-process store is never unreachable).
 */
@Factory
@Requires(beans = DeviceSecrets.class)
public class RequestSignatureVerifierFactory {

    @Singleton
    RequestSignatureVerifier requestSignatureVerifier(DeviceSecrets secrets, NonceStore sharedNonces, Clock clock,
                                                      @Value("${vitrine.devices.signing.clock-skew:300s}") Duration clockSkew) {
        return new RequestSignatureVerifier(secrets, sharedNonces, new InProcessNonceStore(), clock, clockSkew);
    }
}
