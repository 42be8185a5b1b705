package io.vitrine.tenants.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * The current tenant's alerts (api.md {@code GET /api/v1/alerts}): any module raises one in its own transaction;
 * staff list and acknowledge them; {@link AlertWebhook} posts each to the tenant's webhook through the outbox.
 */
@Singleton
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final AlertStore store;
    private final CurrentTenant currentTenant;
    private final Outbox outbox;
    private final Ids ids;
    private final Clock clock;

    Alerts(AlertStore store, CurrentTenant currentTenant, Outbox outbox, Ids ids, Clock clock) {
        this.store = store;
        this.currentTenant = currentTenant;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Raises the alert in the current tenant, in the caller's transaction (it commits or rolls back with what the
     * caller does), with {@link AlertRaised} in the outbox. The tenant's second alert of the same kind and subject
     * changes nothing and publishes nothing.
     *
     * @return true when this raised it, false when the tenant already had it
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean raise(NewAlert alert) {
        TenantId tenant = currentTenant.require();
        String id = ids.nextId();
        if (!store.addIfAbsent(tenant, id, alert, clock.instant())) {
            return false;
        }
        outbox.publish(new AlertRaised(tenant, id, alert.kind(), alert.subject()));
        LOG.info("alert raised: {} {} subject={} tenant={} alert={}: {}", alert.severity(), alert.kind(), alert.subject(),
                tenant.value(), id, alert.message());
        return true;
    }

    /** Newest first; {@code kind} and {@code since} (inclusive) narrow it when set. */
    @Transactional(readOnly = true)
    public AlertPage list(@Nullable String kind, @Nullable Instant since, int page, int size) {
        TenantId tenant = currentTenant.require();
        long total = store.count(tenant, kind, since);
        return new AlertPage(total == 0 ? java.util.List.of()
                : store.page(tenant, kind, since, (long) page * size, size), total);
    }

    /** Marks the alert seen by {@code by}; again changes nothing. Another tenant's (or no) alert: 404. */
    @Transactional
    public Alert acknowledge(Actor by, String id) {
        TenantId tenant = currentTenant.require();
        if (!store.acknowledge(tenant, id, clock.instant(), by.staffId())) {
            throw new NotFoundException("No such alert.");
        }
        return store.find(tenant, id).orElseThrow(() -> new NotFoundException("No such alert."));
    }
}
