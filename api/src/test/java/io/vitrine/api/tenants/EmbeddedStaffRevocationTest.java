package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Token revocation on the embedded services (H2, in-process cache). */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedStaffRevocationTest extends StaffRevocationSuite {

    EmbeddedStaffRevocationTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
