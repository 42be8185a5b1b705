package io.vitrine.api.tenants;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulk store import on MariaDB, with the uploaded and the sealed files in the database. */
@ExtendWith(ClusterVitrine.class)
class ClusterStoreImportTest extends StoreImportSuite {

    ClusterStoreImportTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
