package io.vitrine.tenants.devices.signing.infra;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.devices.signing.DeviceSecrets;
import io.vitrine.tenants.devices.signing.ReplayProtection;
import io.vitrine.tenants.devices.signing.RequestSignatureVerifier;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tenants.devices.signing.SignedRequest;
import io.vitrine.tenants.devices.signing.VerificationResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignatureVerifierFactoryTest {

    private static final byte[] SECRET = "factory-secret".getBytes(StandardCharsets.US_ASCII);
    private static final DeviceSecrets ONE_DEVICE = key -> Optional.of(new DeviceCredential(key, TenantId.of("retailer-a"),
            DeviceCredential.Kind.PARTNER, DeviceCredential.Status.ACTIVE, SECRET));

    @Test
    void the_verifier_uses_the_clock_bean_and_the_configured_clock_skew() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(PrivacyTestKeys.with(Map.of("vitrine.devices.signing.clock-skew", "60s")))
                .singletons(ONE_DEVICE)
                .start()) {
            RequestSignatureVerifier verifier = context.getBean(RequestSignatureVerifier.class);
            long now = context.getBean(Clock.class).instant().getEpochSecond();

            // far from the 60 s edge on either side, so a slow machine cannot tip the result
            assertThat(verifier.verify(request(now + 10, "factory-nonce-1"), ReplayProtection.STRICT))
                    .isInstanceOf(VerificationResult.Verified.class);
            assertThat(verifier.verify(request(now - 240, "factory-nonce-2"), ReplayProtection.STRICT))
                    .isInstanceOfSatisfying(VerificationResult.Rejected.class, rejected -> assertThat(rejected.reason())
                            .isEqualTo(VerificationResult.RejectionReason.STALE_TIMESTAMP));
        }
    }

    @Test
    void the_devices_table_provides_the_secrets_by_default() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.properties())) {
            assertThat(context.getBeanDefinition(DeviceSecrets.class).getBeanType().getSimpleName())
                    .isEqualTo("TableDeviceSecrets");
        }
    }

    private static SignedRequest request(long timestamp, String nonce) {
        return RequestSigner.sign("partner-1", SECRET, "GET", "/pos/v1/whoami", null, timestamp, nonce)
                .toRequest("GET", "/pos/v1/whoami", null);
    }
}
