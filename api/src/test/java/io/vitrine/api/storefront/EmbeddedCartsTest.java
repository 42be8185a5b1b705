package io.vitrine.api.storefront;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** H2, the in-process cache. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedCartsTest extends CartsSuite {

    EmbeddedCartsTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
