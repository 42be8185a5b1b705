package io.vitrine.oversight.display;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class H2DisplayClosingTest extends DisplayClosingSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.h2();
    }
}
