package io.vitrine.tenants.alerts;

import io.micronaut.context.ApplicationContext;

class MariaDbAlertsTest extends AlertsSuite {
    @Override
    protected ApplicationContext context() {
        return AlertContexts.mariaDb();
    }
}
