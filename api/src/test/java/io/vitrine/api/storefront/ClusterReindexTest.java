package io.vitrine.api.storefront;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** MariaDB, Redis, the Elasticsearch test node. */
@ExtendWith(ClusterVitrine.class)
class ClusterReindexTest extends ReindexSuite {

    ClusterReindexTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
