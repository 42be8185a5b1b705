package io.vitrine.catalog.products;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class H2SearchFeedTest extends SearchFeedSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.h2();
    }
}
