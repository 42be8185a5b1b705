package io.vitrine.oversight.display;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class MariaDbDisplayLedgerTest extends DisplayLedgerSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.mariaDb();
    }
}
