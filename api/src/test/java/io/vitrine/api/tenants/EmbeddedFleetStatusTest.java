package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fleet status on H2. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedFleetStatusTest extends FleetStatusSuite {

    EmbeddedFleetStatusTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
