package io.vitrine.oversight.stats;

import io.vitrine.orders.testing.OrderingContexts;

class H2StatsTest extends StatsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.h2();
    }
}
