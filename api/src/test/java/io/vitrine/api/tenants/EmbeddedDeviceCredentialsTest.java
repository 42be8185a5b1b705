package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Device credentials on the embedded services (H2, in-process nonce store). */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedDeviceCredentialsTest extends DeviceCredentialsSuite {

    EmbeddedDeviceCredentialsTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
