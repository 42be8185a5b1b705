package io.vitrine.orders.privacy;

import io.vitrine.orders.testing.OrderingContexts;

class H2PersonalDataRetentionTest extends PersonalDataRetentionSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
