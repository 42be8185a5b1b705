package io.vitrine.catalog.assortment;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class MariaDbAssortmentTest extends AssortmentSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.mariaDb();
    }
}
