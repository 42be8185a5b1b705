package io.vitrine.catalog.stock;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class H2StockTest extends StockSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.h2();
    }
}
