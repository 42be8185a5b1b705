package io.vitrine.orders.ordering;

import io.vitrine.orders.testing.OrderingContexts;

class H2OrderingTest extends OrderingSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
