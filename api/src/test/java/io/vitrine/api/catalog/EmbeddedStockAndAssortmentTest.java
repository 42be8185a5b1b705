package io.vitrine.api.catalog;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** H2, Lucene. */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedStockAndAssortmentTest extends StockAndAssortmentSuite {

    EmbeddedStockAndAssortmentTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
