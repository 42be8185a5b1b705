package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedVitrine.class)
class EmbeddedOnboardingFlowTest extends OnboardingFlowSuite {

    EmbeddedOnboardingFlowTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
