package io.vitrine.orders.quota;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class MariaDbAnnualQuotasTest extends AnnualQuotasSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.mariaDb();
    }
}
