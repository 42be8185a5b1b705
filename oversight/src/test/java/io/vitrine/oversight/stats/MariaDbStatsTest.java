package io.vitrine.oversight.stats;

import io.vitrine.orders.testing.OrderingContexts;

class MariaDbStatsTest extends StatsSuite {
    @Override
    protected OrderingContexts.Ordering ordering() {
        return OrderingContexts.mariaDb();
    }
}
