package io.vitrine.kernel.idempotency;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class H2IdempotencyKeysTest extends IdempotencyKeysSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.h2();
    }
}
