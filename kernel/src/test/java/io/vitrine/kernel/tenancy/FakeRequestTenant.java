package io.vitrine.kernel.tenancy;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.testing.KernelContexts;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Stands in for the api module's request-based source: the test says which request is "being served". */
@Singleton
@Requires(property = KernelContexts.FIXTURES, value = "true")
public class FakeRequestTenant implements RequestTenantSource {

    private final ThreadLocal<TenantId> serving = new ThreadLocal<>();

    public void serve(TenantId tenant, Runnable request) {
        serving.set(tenant);
        try {
            request.run();
        } finally {
            serving.remove();
        }
    }

    @Override
    public Optional<TenantId> requestTenant() {
        return Optional.ofNullable(serving.get());
    }
}
