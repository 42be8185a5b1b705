package io.vitrine.api.storefront;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** H2, Lucene. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedReindexTest extends ReindexSuite {

    EmbeddedReindexTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
