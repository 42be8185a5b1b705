package io.vitrine.orders.quota;

import io.micronaut.context.ApplicationContext;
import io.vitrine.orders.testing.OrdersContexts;

class H2AnnualQuotasTest extends AnnualQuotasSuite {
    @Override
    protected ApplicationContext context() {
        return OrdersContexts.h2();
    }
}
