package io.vitrine.orders.numbers;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class H2OrderNumbersTest extends OrderNumbersSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.h2();
    }
}
