package io.vitrine.api.pos;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** H2, in-process nonces, the outbox polling as in production. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedCatalogChangesTest extends CatalogChangesSuite {

    EmbeddedCatalogChangesTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
