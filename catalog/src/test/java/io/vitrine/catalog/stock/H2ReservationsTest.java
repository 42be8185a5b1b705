package io.vitrine.catalog.stock;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.testing.CatalogContexts;

class H2ReservationsTest extends ReservationsSuite {
    @Override
    protected ApplicationContext context() {
        return CatalogContexts.h2();
    }
}
