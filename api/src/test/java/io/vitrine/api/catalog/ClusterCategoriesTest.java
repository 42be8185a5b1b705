package io.vitrine.api.catalog;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The category list (MariaDB). */
@ExtendWith(ClusterVitrine.class)
class ClusterCategoriesTest extends CategoriesSuite {

    ClusterCategoriesTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
