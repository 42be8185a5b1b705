package io.vitrine.api.catalog;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** MariaDB, Redis, the Elasticsearch test node, files in the database. */
@ExtendWith(ClusterVitrine.class)
class ClusterProductsTest extends ProductsSuite {

    ClusterProductsTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
