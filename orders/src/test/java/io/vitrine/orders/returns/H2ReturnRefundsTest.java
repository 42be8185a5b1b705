package io.vitrine.orders.returns;

import io.vitrine.orders.testing.OrderingContexts;

class H2ReturnRefundsTest extends ReturnRefundsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
