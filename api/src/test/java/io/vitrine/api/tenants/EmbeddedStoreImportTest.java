package io.vitrine.api.tenants;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulk store import on the embedded services (H2, files in the data directory). */
@ExtendWith(EmbeddedVitrine.class)
class EmbeddedStoreImportTest extends StoreImportSuite {

    EmbeddedStoreImportTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
