package io.vitrine.pos.events;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class MariaDbEventIngestTest extends EventIngestSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.mariaDb();
    }
}
