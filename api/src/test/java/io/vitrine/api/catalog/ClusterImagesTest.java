package io.vitrine.api.catalog;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** MariaDB, Redis, the Elasticsearch test node, files in the database. */
@ExtendWith(ClusterVitrine.class)
class ClusterImagesTest extends ImagesSuite {

    ClusterImagesTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
