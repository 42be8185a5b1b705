package io.vitrine.kernel.jobs;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class H2JobsTest extends JobsSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.h2();
    }
}
