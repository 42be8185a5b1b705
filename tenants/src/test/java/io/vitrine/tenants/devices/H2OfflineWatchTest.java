package io.vitrine.tenants.devices;

import io.micronaut.context.ApplicationContext;
import io.vitrine.tenants.alerts.AlertContexts;

class H2OfflineWatchTest extends OfflineWatchSuite {
    @Override
    protected ApplicationContext context() {
        return AlertContexts.h2();
    }
}
