package io.vitrine.tenants.registry;

import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Forgets a suspended tenant's cached slug once more, after the suspension committed. The service that
 * suspends forgets it right after its commit too; this closes the gap of a storefront request that read the
 * tenant as ACTIVE just before that commit and cached it just after. A cache outage fails the delivery,
 * which the outbox retries.
 */
@Singleton
class SuspendedStorefronts implements OutboxListener {

    private final TenantDirectory directory;

    SuspendedStorefronts(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "tenants.forget-suspended-slug";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(TenantSuspended.TYPE);
    }

    @Override
    public void on(DeliveredEvent event) {
        directory.forget(event.businessKey());
    }
}
