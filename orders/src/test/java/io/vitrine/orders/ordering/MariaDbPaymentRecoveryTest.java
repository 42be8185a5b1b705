package io.vitrine.orders.ordering;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbPaymentRecoveryTest extends PaymentRecoverySuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
