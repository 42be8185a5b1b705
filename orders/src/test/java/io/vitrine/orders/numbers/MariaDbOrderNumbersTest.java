package io.vitrine.orders.numbers;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class MariaDbOrderNumbersTest extends OrderNumbersSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.mariaDb();
    }
}
