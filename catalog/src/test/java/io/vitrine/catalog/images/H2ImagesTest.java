package io.vitrine.catalog.images;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class H2ImagesTest extends ImagesSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.h2();
    }
}
