package io.vitrine.kernel.tenancy;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class H2BusinessKeysTest extends BusinessKeysSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.h2();
    }
}
