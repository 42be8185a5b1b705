package io.vitrine.api.catalog;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The category list (H2). */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedCategoriesTest extends CategoriesSuite {

    EmbeddedCategoriesTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
