package io.vitrine.orders.returns;

import io.vitrine.orders.testing.OrderingContexts;

class H2ReturnsTest extends ReturnsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
