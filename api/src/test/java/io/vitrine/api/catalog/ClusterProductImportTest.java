package io.vitrine.api.catalog;

import io.vitrine.api.testing.ClusterVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product import and export on MariaDB and Elasticsearch, with the uploaded files in the database. */
@ExtendWith(ClusterVitrine.class)
class ClusterProductImportTest extends ProductImportSuite {

    ClusterProductImportTest(RunningVitrine vitrine) {
        super(vitrine);
    }
}
