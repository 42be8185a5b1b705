package io.vitrine.api.catalog;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product import and export on the embedded services (H2, Lucene, files in the data directory). */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedProductImportTest extends ProductImportSuite {

    EmbeddedProductImportTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
