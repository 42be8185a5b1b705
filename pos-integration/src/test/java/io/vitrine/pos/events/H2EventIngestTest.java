package io.vitrine.pos.events;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class H2EventIngestTest extends EventIngestSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.h2();
    }
}
