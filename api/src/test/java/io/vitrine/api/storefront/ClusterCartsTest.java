package io.vitrine.api.storefront;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** MariaDB, Redis (carts live there), the Elasticsearch test node. */
@ExtendWith(ClusterVitrine.class)
class ClusterCartsTest extends CartsSuite {

    ClusterCartsTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
