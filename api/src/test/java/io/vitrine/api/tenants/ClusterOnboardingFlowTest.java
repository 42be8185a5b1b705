package io.vitrine.api.tenants;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same workflow on MariaDB, Redis (rate limits, slug cache) and files in the database. */
@ExtendWith(ClusterVitrine.class)
class ClusterOnboardingFlowTest extends OnboardingFlowSuite {

    ClusterOnboardingFlowTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
