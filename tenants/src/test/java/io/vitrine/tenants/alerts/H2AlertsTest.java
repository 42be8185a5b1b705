package io.vitrine.tenants.alerts;

import io.micronaut.context.ApplicationContext;

class H2AlertsTest extends AlertsSuite {
    @Override
    protected ApplicationContext context() {
        return AlertContexts.h2();
    }
}
