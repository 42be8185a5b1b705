package io.vitrine.catalog.images;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class MariaDbImagesTest extends ImagesSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.mariaDb();
    }
}
