package io.vitrine.kernel.jobs;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;

class MariaDbJobsTest extends JobsSuite {
    @Override
    protected ApplicationContext context() {
        return KernelContexts.mariaDb();
    }
}
