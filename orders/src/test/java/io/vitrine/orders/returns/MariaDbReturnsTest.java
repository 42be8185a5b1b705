package io.vitrine.orders.returns;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbReturnsTest extends ReturnsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
