package io.vitrine.api.catalog;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** MariaDB, Redis, the Elasticsearch test node. */
@ExtendWith(ClusterVitrine.class)
class ClusterStockAndAssortmentTest extends StockAndAssortmentSuite {

    ClusterStockAndAssortmentTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
