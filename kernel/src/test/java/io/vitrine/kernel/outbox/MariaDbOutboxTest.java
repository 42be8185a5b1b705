package io.vitrine.kernel.outbox;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class MariaDbOutboxTest extends OutboxSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.mariaDb();
    }
}
