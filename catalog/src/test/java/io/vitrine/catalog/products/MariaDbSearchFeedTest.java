package io.vitrine.catalog.products;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class MariaDbSearchFeedTest extends SearchFeedSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.mariaDb();
    }
}
