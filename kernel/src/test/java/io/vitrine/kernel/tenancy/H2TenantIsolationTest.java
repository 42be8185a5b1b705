package io.vitrine.kernel.tenancy;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class H2TenantIsolationTest extends TenantIsolationSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.h2();
    }
}
