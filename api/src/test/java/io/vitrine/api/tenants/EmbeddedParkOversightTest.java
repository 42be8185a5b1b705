package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** Park oversight on H2 and the in-process cache. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedParkOversightTest extends ParkOversightSuite {

    EmbeddedParkOversightTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
