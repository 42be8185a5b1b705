package io.vitrine.orders.logistics;

import io.vitrine.orders.testing.OrderingContexts;

class H2LogisticsTest extends LogisticsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
