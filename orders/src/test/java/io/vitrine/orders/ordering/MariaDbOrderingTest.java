package io.vitrine.orders.ordering;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbOrderingTest extends OrderingSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
