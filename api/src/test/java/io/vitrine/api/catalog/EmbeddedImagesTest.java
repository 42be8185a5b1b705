package io.vitrine.api.catalog;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** H2, Lucene, local files. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedImagesTest extends ImagesSuite {

    EmbeddedImagesTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
