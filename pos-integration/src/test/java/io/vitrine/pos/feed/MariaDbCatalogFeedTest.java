package io.vitrine.pos.feed;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class MariaDbCatalogFeedTest extends CatalogFeedSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.mariaDb();
    }
}
