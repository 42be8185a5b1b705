package io.vitrine.kernel.outbox;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class H2OutboxTest extends OutboxSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.h2();
    }
}
