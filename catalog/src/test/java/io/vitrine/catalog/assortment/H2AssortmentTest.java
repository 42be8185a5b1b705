package io.vitrine.catalog.assortment;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class H2AssortmentTest extends AssortmentSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.h2();
    }
}
