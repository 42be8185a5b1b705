package io.vitrine.orders.returns;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbReturnRefundsTest extends ReturnRefundsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
