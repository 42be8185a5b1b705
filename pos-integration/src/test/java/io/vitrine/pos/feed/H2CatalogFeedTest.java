package io.vitrine.pos.feed;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class H2CatalogFeedTest extends CatalogFeedSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.h2();
    }
}
