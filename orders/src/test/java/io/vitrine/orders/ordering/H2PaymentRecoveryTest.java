package io.vitrine.orders.ordering;

import io.vitrine.orders.testing.OrderingContexts;

class H2PaymentRecoveryTest extends PaymentRecoverySuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
