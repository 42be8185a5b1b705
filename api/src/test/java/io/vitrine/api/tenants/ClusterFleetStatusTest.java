package io.vitrine.api.tenants;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fleet status on MariaDB. */
@ExtendWith(ClusterVitrine.class)
class ClusterFleetStatusTest extends FleetStatusSuite {

    ClusterFleetStatusTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
