package io.vitrine.orders.privacy;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbPersonalDataRetentionTest extends PersonalDataRetentionSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
