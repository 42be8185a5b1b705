package io.vitrine.kernel.tenancy;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class MariaDbBusinessKeysTest extends BusinessKeysSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.mariaDb();
    }
}
