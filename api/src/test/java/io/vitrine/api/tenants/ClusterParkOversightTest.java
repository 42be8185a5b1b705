package io.vitrine.api.tenants;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Park oversight on MariaDB and the Redis cache. */
@ExtendWith(ClusterVitrine.class)
class ClusterParkOversightTest extends ParkOversightSuite {

    ClusterParkOversightTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
