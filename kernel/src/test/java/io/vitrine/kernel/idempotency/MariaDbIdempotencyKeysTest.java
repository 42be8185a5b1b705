package io.vitrine.kernel.idempotency;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class MariaDbIdempotencyKeysTest extends IdempotencyKeysSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.mariaDb();
    }
}
