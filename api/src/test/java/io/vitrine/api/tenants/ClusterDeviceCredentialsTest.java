package io.vitrine.api.tenants;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Device credentials on MariaDB with the nonces in Redis (the replay test then proves the shared store). */
@ExtendWith(ClusterVitrine.class)
class ClusterDeviceCredentialsTest extends DeviceCredentialsSuite {

    ClusterDeviceCredentialsTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
