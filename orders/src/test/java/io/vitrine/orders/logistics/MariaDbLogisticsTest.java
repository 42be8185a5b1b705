package io.vitrine.orders.logistics;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbLogisticsTest extends LogisticsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
